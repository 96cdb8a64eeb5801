using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>Builds and appends request-log entries.</summary>
internal static class RequestLog
{
    /// <summary>An entry for a request answered by <paramref name="status"/> and maybe an error.</summary>
    public static RequestLogEntry Entry(
        long sequence, DateTimeOffset at, string methodAsSent, ParsedRequest parsed, RestAuth? auth, int status, RestMethodException? error) => new()
        {
            Sequence = sequence,
            At = at,
            MethodAsSent = methodAsSent,
            Method = RestMethodTable.Normalize(methodAsSent),
            Encoding = parsed.Encoding,
            Parameters = parsed.Flat,
            JsonBody = parsed.JsonBody,
            ClientId = auth?.ClientId,
            UserId = auth?.UserId,
            StatusCode = status,
            ErrorCode = error?.Code,
            ErrorDescription = error?.Description,
        };

    /// <summary>Appends entries to the portal's log in one change.</summary>
    public static void Append(Portal portal, IReadOnlyCollection<RequestLogEntry> entries) =>
        portal.Update(s => s with { Requests = s.Requests.AddRange(entries) });
}
