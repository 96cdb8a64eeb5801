using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// Parses the frame/placement POST (reference §3.2): <c>DOMAIN</c>, <c>PROTOCOL</c>, <c>LANG</c>, <c>APP_SID</c> in the
/// query string, the rest in the form body. Each field is looked up in the body first, then in the query, because
/// Bitrix24 has moved fields between the two.
/// </summary>
public static class Bitrix24FrameRequestParser
{
    /// <summary>Parses the raw query string (with or without <c>?</c>) and form body.</summary>
    public static Bitrix24ParseResult<Bitrix24FrameRequest> Parse(string? queryString, string? formBody)
    {
        var query = PhpFormDecoder.Decode((queryString ?? string.Empty).TrimStart('?'));
        var body = PhpFormDecoder.Decode(formBody ?? string.Empty);
        string? Field(string name) => Bitrix24EventParser.NullIfEmpty(body.GetString(name) ?? query.GetString(name));

        var domain = Field("DOMAIN");
        if (domain is null || Uri.CheckHostName(domain.Split(':')[0]) == UriHostNameType.Unknown)
        {
            return Bitrix24ParseResult<Bitrix24FrameRequest>.Failure("DOMAIN", domain is null ? "is missing" : "is not a host name");
        }

        var accessToken = Field("AUTH_ID");
        if (accessToken is null)
        {
            return Bitrix24ParseResult<Bitrix24FrameRequest>.Failure("AUTH_ID", "is missing");
        }

        var memberId = Field("member_id");
        if (memberId is null)
        {
            return Bitrix24ParseResult<Bitrix24FrameRequest>.Failure("member_id", "is missing");
        }

        if (!Bitrix24EventParser.TryOptionalLong(Field("AUTH_EXPIRES"), out var expiresIn))
        {
            return Bitrix24ParseResult<Bitrix24FrameRequest>.Failure("AUTH_EXPIRES", "is not an integer");
        }

        var serverEndpoint = Bitrix24EventAuth.DefaultServerEndpoint;
        if (Field("SERVER_ENDPOINT") is { } server && !Uri.TryCreate(server, UriKind.Absolute, out serverEndpoint))
        {
            return Bitrix24ParseResult<Bitrix24FrameRequest>.Failure("SERVER_ENDPOINT", "is not an absolute URL");
        }

        return Bitrix24ParseResult<Bitrix24FrameRequest>.Success(new Bitrix24FrameRequest
        {
            Domain = domain,
            Https = Field("PROTOCOL") != "0",
            Language = Field("LANG"),
            AppSid = Field("APP_SID"),
            AccessToken = accessToken,
            ExpiresIn = expiresIn,
            RefreshToken = Field("REFRESH_ID"),
            ServerEndpoint = serverEndpoint,
            ApplicationToken = Field("APPLICATION_TOKEN"),
            Scope = Bitrix24TokenResponseReader.SplitScope(Field("APPLICATION_SCOPE")),
            MemberId = memberId,
            Status = Field("status"),
            Placement = Field("PLACEMENT") ?? "DEFAULT",
            PlacementOptions = ParseOptions(Field("PLACEMENT_OPTIONS")),
        });
    }

    // PLACEMENT_OPTIONS is a JSON *string*; for telephony settings it can be the literal "undefined" [K].
    private static ImmutableDictionary<string, string> ParseOptions(string? json)
    {
        if (json is null)
        {
            return ImmutableDictionary<string, string>.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ImmutableDictionary<string, string>.Empty;
            }

            return document.RootElement.EnumerateObject().ToImmutableDictionary(
                p => p.Name,
                p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(),
                StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return ImmutableDictionary<string, string>.Empty;
        }
    }
}
