using System.Collections.Immutable;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>A REST request's parameters: the merged tree for methods, and the flat list for the request log.</summary>
/// <param name="Parameters">Merged tree (query, then body: a body value wins as in PHP's <c>$_REQUEST</c>).</param>
/// <param name="Encoding">How the body (or the query alone) carried them.</param>
/// <param name="Flat">Every pair in arrival order, <c>auth</c> redacted.</param>
/// <param name="JsonBody">The JSON body with <c>auth</c> redacted; null for other encodings.</param>
public sealed record ParsedRequest(
    RestParameters Parameters, RequestEncoding Encoding, ImmutableArray<RequestParameter> Flat, string? JsonBody)
{
    /// <summary>The access token wherever it came from (<c>auth</c> in query, form, multipart or JSON), or null.</summary>
    public string? AuthToken => Parameters.String("auth");
}
