using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TelephonyHub.Abstractions.ClickToCall;

/// <summary>
/// Keys of click grains, their click ids and the PBX request ids that name them. A click is scoped to its portal
/// like a call (<c>CallKey</c>): a PBX can only ever reach its own portal's clicks through an originate request id.
/// </summary>
public static class ClickKey
{
    private const char Separator = '/';
    private const string OriginatePrefix = "click:";

    /// <summary>The grain key of click <paramref name="clickId"/> on portal <paramref name="portalId"/>.</summary>
    public static string For(string portalId, string clickId)
    {
        ArgumentException.ThrowIfNullOrEmpty(portalId);
        ArgumentException.ThrowIfNullOrEmpty(clickId);
        if (portalId.Contains(Separator))
        {
            throw new ArgumentException("A portal id cannot contain '/'.", nameof(portalId));
        }

        return string.Concat(portalId, Separator.ToString(), clickId);
    }

    /// <summary>Splits a click grain key back into portal id and click id.</summary>
    public static (string PortalId, string ClickId) Parse(string key)
    {
        var separator = key.IndexOf(Separator);
        if (separator <= 0 || separator == key.Length - 1)
        {
            throw new FormatException($"'{key}' is not a click key (portal/click-id).");
        }

        return (key[..separator], key[(separator + 1)..]);
    }

    /// <summary>
    /// The click id of a click-to-call: Bitrix24's <c>CALL_ID</c> when the event has one (every delivery of the event,
    /// through every handler bound, names the same call). Older portals send no <c>CALL_ID</c>; then the event's own
    /// identity stands in: when Bitrix24 queued it (<c>ts</c>, the same for every delivery), who clicked, which number.
    /// The handler id is left out on purpose: a portal with the event bound twice delivers it once per handler.
    /// </summary>
    public static string ForClick(string? bitrix24CallId, DateTimeOffset queuedAt, long userId, string phoneNumber) =>
        !string.IsNullOrWhiteSpace(bitrix24CallId)
            ? bitrix24CallId.Trim()
            : string.Create(CultureInfo.InvariantCulture, $"evt.t{queuedAt.ToUnixTimeSeconds()}.u{userId}.n{NumberHash(phoneNumber)}");

    /// <summary>The click id of a callback form: no call exists yet, so the event's identity (<c>ts</c>, number) is the key.</summary>
    public static string ForCallback(DateTimeOffset queuedAt, string phoneNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"callback.t{queuedAt.ToUnixTimeSeconds()}.n{NumberHash(phoneNumber)}");

    /// <summary>The <c>request_id</c> of the click's originate command; the PBX echoes it in <c>CallStarted.originate_request_id</c>.</summary>
    public static string OriginateRequestId(string clickId) => OriginatePrefix + clickId;

    /// <summary>The click id named by an originate request id, or false for a request id the hub did not issue for a click.</summary>
    public static bool TryParseOriginateRequestId(string? requestId, [NotNullWhen(true)] out string? clickId)
    {
        clickId = null;
        if (requestId is null || !requestId.StartsWith(OriginatePrefix, StringComparison.Ordinal) || requestId.Length == OriginatePrefix.Length)
        {
            return false;
        }

        // The portal of the click is always the PBX's own (the call grain's), whatever the PBX echoes here.
        clickId = requestId[OriginatePrefix.Length..];
        return true;
    }

    // Keys appear in logs, which never hold a phone number in clear (house style): the digits go in hashed.
    private static string NumberHash(string phoneNumber)
    {
        var digits = new StringBuilder(phoneNumber.Length);
        foreach (var c in phoneNumber.Where(char.IsAsciiDigit))
        {
            digits.Append(c);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(digits.ToString())), 0, 8);
    }
}
