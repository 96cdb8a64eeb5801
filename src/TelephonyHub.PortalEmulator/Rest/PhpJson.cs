using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>PHP serialisation quirks on the wire (reference §1.3): empty maps are <c>[]</c>, ids are strings.</summary>
public static class PhpJson
{
    /// <summary>A map, or <c>[]</c> when it has no entries (PHP cannot tell an empty map from an empty list).</summary>
    public static JsonNode Map(IEnumerable<KeyValuePair<string, JsonNode?>> entries)
    {
        var map = new JsonObject();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return map.Count == 0 ? new JsonArray() : map;
    }

    /// <summary>An id or number as a JSON string (<c>"43"</c>).</summary>
    public static JsonNode Text(int value) => JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Unix seconds of an instant.</summary>
    public static long Unix(DateTimeOffset at) => at.ToUnixTimeSeconds();

    /// <summary>ISO-8601 with offset, as Bitrix24 writes dates (<c>2026-03-10T11:19:38+00:00</c>).</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
