using System.Globalization;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Tolerant readers for PHP-serialised JSON (reference §1.3): ids and numbers may be strings, empty objects come as
/// <c>[]</c>, DateTime objects leak as <c>{}</c>, booleans may be <c>true</c>, <c>"Y"</c> or <c>"1"</c>.
/// </summary>
internal static class Bitrix24Json
{
    /// <summary>The property <paramref name="name"/> of an object, or null when missing, JSON null, or not an object.</summary>
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string property; numbers are returned as their text, objects, arrays and <c>false</c> as null.</summary>
    public static string? Text(this JsonElement element, string name) => element.Property(name)?.AsString();

    /// <summary>The value as a string; numbers as their text, anything else null.</summary>
    public static string? AsString(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        _ => null,
    };

    /// <summary>A string property that must be present.</summary>
    public static string RequiredText(this JsonElement element, string name) =>
        element.Text(name) ?? throw new Bitrix24ResponseFormatException($"Field {name} is missing or not a string.");

    /// <summary>An integer property given as a number or a numeric string; empty strings and garbage are null.</summary>
    public static long? Long(this JsonElement element, string name) => element.Property(name)?.AsLong();

    /// <summary>The value as an integer (number or numeric string), or null.</summary>
    public static long? AsLong(this JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number when value.TryGetInt64(out var number):
                return number;
            case JsonValueKind.Number when value.TryGetDouble(out var real) && real == Math.Floor(real):
                return (long)real;
            case JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            default:
                return null;
        }
    }

    /// <summary>An integer property that must be present.</summary>
    public static long RequiredLong(this JsonElement element, string name) =>
        element.Long(name) ?? throw new Bitrix24ResponseFormatException($"Field {name} is missing or not an integer.");

    /// <summary>A real number property (number or numeric string).</summary>
    public static double? Double(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetDouble(),
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A decimal property (number or numeric string).</summary>
    public static decimal? Decimal(this JsonElement element, string name) => element.Property(name) switch
    {
        { ValueKind: JsonValueKind.Number } value when value.TryGetDecimal(out var number) => number,
        { ValueKind: JsonValueKind.String } value when decimal.TryParse(value.GetString(), NumberStyles.Float,
            CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>A boolean given as <c>true</c>/<c>false</c>, <c>"Y"</c>/<c>"N"</c>, <c>"1"</c>/<c>"0"</c>, <c>1</c>/<c>0</c>.</summary>
    public static bool? Bool(this JsonElement element, string name) => element.Property(name)?.AsBool();

    /// <summary>The value as a boolean, accepting the PHP spellings; null when it is none of them.</summary>
    public static bool? AsBool(this JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.AsLong() is { } number ? number != 0 : null,
        JsonValueKind.String => value.GetString()?.Trim().ToUpperInvariant() switch
        {
            "Y" or "1" or "TRUE" => true,
            "N" or "0" or "FALSE" or "" => false,
            _ => null,
        },
        _ => null,
    };

    /// <summary>An integer list; accepts a JSON array or a PHP map of numbers, skipping non-numbers.</summary>
    public static ImmutableArray<long> LongList(this JsonElement element, string name) =>
        element.Property(name) is { } value
            ? [.. value.Entries().Select(e => e.Value.AsLong()).OfType<long>()]
            : [];

    /// <summary>
    /// The entries of a PHP array: an object's properties, or an array's items keyed <c>"0".."n"</c> (PHP serialises
    /// a map with keys 0..n, and an empty map, as a JSON array). Scalars have no entries.
    /// </summary>
    public static IEnumerable<(string Key, JsonElement Value)> Entries(this JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                yield return (property.Name, property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                yield return (index.ToString(CultureInfo.InvariantCulture), item);
                index++;
            }
        }
    }

    /// <summary>A Unix-seconds timestamp (number or string, possibly fractional).</summary>
    public static DateTimeOffset? UnixTime(this JsonElement element, string name) =>
        element.Double(name) is { } seconds ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)) : null;

    /// <summary>Requires the value to be an object (a <c>[]</c> is read as an empty object).</summary>
    public static JsonElement RequireObject(this JsonElement value, string what) =>
        value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
            ? value
            : throw new Bitrix24ResponseFormatException($"{what} is not an object but {value.ValueKind}.");
}
