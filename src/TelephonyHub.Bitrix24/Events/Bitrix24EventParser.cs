using System.Globalization;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// Parses the form-encoded event POSTs Bitrix24 sends (reference §4.1–4.2). Returns a result naming the bad field
/// instead of throwing. Checking <c>auth[application_token]</c> against the stored one is the caller's next step.
/// </summary>
public static class Bitrix24EventParser
{
    /// <summary>Parses a raw <c>application/x-www-form-urlencoded</c> body.</summary>
    public static Bitrix24ParseResult<Bitrix24Event> Parse(string formBody) => Parse(PhpFormDecoder.Decode(formBody ?? string.Empty));

    /// <summary>Parses an already decoded form.</summary>
    public static Bitrix24ParseResult<Bitrix24Event> Parse(PhpFormNode form)
    {
        var code = form.GetString("event");
        if (string.IsNullOrWhiteSpace(code))
        {
            return Bitrix24ParseResult<Bitrix24Event>.Failure("event", "is missing");
        }

        if (form["auth"] is not { IsLeaf: false } authNode)
        {
            return Bitrix24ParseResult<Bitrix24Event>.Failure("auth", "is missing");
        }

        var auth = ParseAuth(authNode);
        if (!auth.IsSuccess)
        {
            return Bitrix24ParseResult<Bitrix24Event>.Failure(auth.Error);
        }

        if (!TryOptionalLong(form.GetString("event_handler_id"), out var handlerId))
        {
            return Bitrix24ParseResult<Bitrix24Event>.Failure("event_handler_id", "is not an integer");
        }

        if (!TryOptionalLong(form.GetString("ts"), out var ts))
        {
            return Bitrix24ParseResult<Bitrix24Event>.Failure("ts", "is not a Unix time");
        }

        return Bitrix24ParseResult<Bitrix24Event>.Success(new Bitrix24Event
        {
            Code = code.Trim().ToUpperInvariant(),
            HandlerId = handlerId,
            Timestamp = ts is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null,
            Data = form["data"] is { IsLeaf: false } data ? data : PhpFormNode.Empty,
            Auth = auth.Value,
        });
    }

    private static Bitrix24ParseResult<Bitrix24EventAuth> ParseAuth(PhpFormNode auth)
    {
        var domain = auth.GetString("domain");
        var memberId = auth.GetString("member_id");
        var applicationToken = auth.GetString("application_token");
        if (string.IsNullOrWhiteSpace(domain))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[domain]", "is missing");
        }

        if (string.IsNullOrWhiteSpace(memberId))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[member_id]", "is missing");
        }

        if (string.IsNullOrEmpty(applicationToken))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[application_token]", "is missing");
        }

        if (!TryOptionalUri(auth.GetString("client_endpoint"), out var clientEndpoint)
            || (clientEndpoint is null && !Uri.TryCreate($"https://{domain}/rest/", UriKind.Absolute, out clientEndpoint)))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[client_endpoint]", "is not an absolute URL");
        }

        if (!TryOptionalUri(auth.GetString("server_endpoint"), out var serverEndpoint))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[server_endpoint]", "is not an absolute URL");
        }

        if (!TryOptionalLong(auth.GetString("expires"), out var expires))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[expires]", "is not a Unix time");
        }

        if (!TryOptionalLong(auth.GetString("expires_in"), out var expiresIn))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[expires_in]", "is not an integer");
        }

        if (!TryOptionalLong(auth.GetString("user_id"), out var userId))
        {
            return Bitrix24ParseResult<Bitrix24EventAuth>.Failure("auth[user_id]", "is not an integer");
        }

        return Bitrix24ParseResult<Bitrix24EventAuth>.Success(new Bitrix24EventAuth
        {
            AccessToken = NullIfEmpty(auth.GetString("access_token")),
            RefreshToken = NullIfEmpty(auth.GetString("refresh_token")),
            Expires = expires is { } unix ? DateTimeOffset.FromUnixTimeSeconds(unix) : null,
            ExpiresIn = expiresIn,
            Scope = Bitrix24TokenResponseReader.SplitScope(auth.GetString("scope")),
            Domain = domain.Trim(),
            ServerEndpoint = serverEndpoint ?? Bitrix24EventAuth.DefaultServerEndpoint,
            Status = NullIfEmpty(auth.GetString("status")),
            ClientEndpoint = clientEndpoint!,
            MemberId = memberId.Trim(),
            UserId = userId,
            ApplicationToken = applicationToken,
        });
    }

    /// <summary>Empty or absent → null (true); digits → the number (true); anything else false.</summary>
    internal static bool TryOptionalLong(string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static bool TryOptionalUri(string? text, out Uri? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        return Uri.TryCreate(text.Trim(), UriKind.Absolute, out value);
    }

    internal static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
