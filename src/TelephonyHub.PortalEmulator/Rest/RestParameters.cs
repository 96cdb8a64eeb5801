using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// A request's merged parameters (query, form, multipart, JSON) as one tree, read with PHP's casting rules:
/// telephony keys are case-sensitive (reference §1.2), <c>(int)</c> of text takes its leading digits.
/// </summary>
public sealed class RestParameters(JsonObject root)
{
    /// <summary>The whole tree.</summary>
    public JsonObject Root => root;

    /// <summary>True when the key was sent (even empty).</summary>
    public bool Has(string name) => root.ContainsKey(name);

    /// <summary>The raw node, or null.</summary>
    public JsonNode? Node(string name) => root[name];

    /// <summary>The value as text; null when absent or not a scalar.</summary>
    public string? String(string name) => Scalar(root[name]);

    /// <summary>The value of the first key matching case-insensitively (CRM and event methods accept <c>id</c>/<c>ID</c>).</summary>
    public string? StringIgnoringCase(string name) => Scalar(NodeIgnoringCase(name));

    /// <summary>The node of the first key matching case-insensitively, or null.</summary>
    public JsonNode? NodeIgnoringCase(string name) =>
        root.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>PHP <c>(int)</c> of the value: 0 when absent or not numeric.</summary>
    public int Int(string name) => PhpInt(root[name]);

    /// <summary>PHP <c>(float)</c> of the value.</summary>
    public double Double(string name) =>
        double.TryParse(String(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>True when the value arrived as text (form fields always do; JSON only for strings).</summary>
    public bool IsText(string name) => root[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    /// <summary>
    /// The items of a list parameter: a JSON array, a bracket map (<c>USER_ID[0]</c>, <c>USER_ID[1]</c>), or a
    /// single scalar as a one-item list.
    /// </summary>
    public IReadOnlyList<JsonNode?> List(string name) => ListOf(root[name]);

    /// <summary>The items of a list node (see <see cref="List"/>).</summary>
    public static IReadOnlyList<JsonNode?> ListOf(JsonNode? node) => node switch
    {
        JsonArray array => [.. array],
        JsonObject map => [.. map.Select(p => p.Value)],
        null => [],
        _ => [node],
    };

    /// <summary>Text of a scalar node as PHP would see it: true → "1", false → "", numbers as written.</summary>
    public static string? Scalar(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "1",
            JsonValueKind.False => "",
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        };
    }

    /// <summary>PHP <c>(int)</c> of a node: leading sign and digits of its text, else 0.</summary>
    public static int PhpInt(JsonNode? node)
    {
        var text = (Scalar(node) ?? "").Trim();
        var length = 0;
        while (length < text.Length && (char.IsAsciiDigit(text[length]) || (length == 0 && text[length] is '-' or '+')))
        {
            length++;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && length < text.Length)
        {
            return (int)Math.Clamp(Math.Truncate(number), int.MinValue, int.MaxValue);
        }

        return long.TryParse(text.AsSpan(0, length), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
            ? (int)Math.Clamp(whole, int.MinValue, int.MaxValue)
            : 0;
    }
}
