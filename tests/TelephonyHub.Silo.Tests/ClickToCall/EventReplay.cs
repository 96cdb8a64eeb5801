using TelephonyHub.PortalEmulator.Events;

namespace TelephonyHub.Silo.Tests.ClickToCall;

/// <summary>Posts an event body to the hub's event handler the way Bitrix24 does: the same fields, form-encoded.</summary>
internal static class EventReplay
{
    /// <param name="path">The hub's handler: the events handler, or <c>bitrix24/install</c> for ONAPPINSTALL.</param>
    public static async Task<(int Status, string Body)> PostAsync(HttpClient hub, IEnumerable<EventField> fields, string path = "bitrix24/events")
    {
        using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        using var response = await hub.PostAsync(path, content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The fields with <paramref name="name"/> set to <paramref name="value"/> (added when absent).</summary>
    public static IReadOnlyList<EventField> With(this IEnumerable<EventField> fields, string name, string value)
    {
        var list = fields.ToList();
        var index = list.FindIndex(f => f.Name == name);
        if (index < 0)
        {
            list.Add(new EventField(name, value));
        }
        else
        {
            list[index] = new EventField(name, value);
        }

        return list;
    }

    public static IReadOnlyList<EventField> Without(this IEnumerable<EventField> fields, string name) => [.. fields.Where(f => f.Name != name)];
}
