using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Tests.Fakes;

/// <summary>What the fake server saw on the wire.</summary>
public sealed record ReceivedRequest(
    string HttpMethod,
    string Path,
    string QueryString,
    string? ContentType,
    string Body,
    long? ContentLength,
    bool Chunked,
    IReadOnlyList<ReceivedFile> Files)
{
    /// <summary>The body decoded as a PHP-bracket form (empty for other bodies).</summary>
    public PhpFormNode Form => PhpFormDecoder.Decode(Body);

    /// <summary>The query string decoded as a PHP-bracket form.</summary>
    public PhpFormNode Query => PhpFormDecoder.Decode(QueryString.TrimStart('?'));

    /// <summary>The REST method: the last path segment.</summary>
    public string RestMethod => Path[(Path.LastIndexOf('/') + 1)..];
}
