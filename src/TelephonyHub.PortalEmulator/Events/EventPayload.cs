using System.Collections.Immutable;
using System.Globalization;

namespace TelephonyHub.PortalEmulator.Events;

/// <summary>
/// The form body of an event as Bitrix24 posts it (reference §4.1): <c>event</c>, <c>event_handler_id</c>,
/// <c>data[..]</c>, <c>ts</c>, <c>auth[..]</c>, in that order.
/// </summary>
public static class EventPayload
{
    /// <summary>Builds the fields; <paramref name="data"/> and <paramref name="auth"/> keys get their <c>data[]</c>/<c>auth[]</c> brackets here.</summary>
    public static ImmutableArray<EventField> Build(
        string code, int handlerId, IEnumerable<(string Key, string Value)> data, DateTimeOffset now, IEnumerable<(string Key, string Value)> auth) =>
    [
        new("event", code),
        new("event_handler_id", handlerId.ToString(CultureInfo.InvariantCulture)),
        .. data.Select(d => new EventField(Nest("data", d.Key), d.Value)),
        new("ts", now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
        .. auth.Select(a => new EventField(Nest("auth", a.Key), a.Value)),
    ];

    // "CRM_CREATED_ENTITIES[0][ENTITY_ID]" under "data" is data[CRM_CREATED_ENTITIES][0][ENTITY_ID], as PHP nests it.
    private static string Nest(string block, string key)
    {
        var bracket = key.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? $"{block}[{key}]" : $"{block}[{key[..bracket]}]{key[bracket..]}";
    }
}
