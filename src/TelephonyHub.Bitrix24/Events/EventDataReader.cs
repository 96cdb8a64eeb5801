using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Events;

/// <summary>Reads <c>data[...]</c> fields of an event, naming the field on the wire when one is bad.</summary>
internal sealed class EventDataReader(Bitrix24Event evt)
{
    /// <summary>The first problem found, if any.</summary>
    public Bitrix24ParseError? Error { get; private set; }

    public static Bitrix24ParseError? CheckCode(Bitrix24Event evt, string expected) =>
        string.Equals(evt.Code, expected, StringComparison.Ordinal)
            ? null
            : new Bitrix24ParseError("event", $"is {evt.Code}, not {expected}");

    public string RequiredText(string key)
    {
        var value = evt.Data.GetString(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            Error ??= new Bitrix24ParseError(Field(key), "is missing");
            return string.Empty;
        }

        return value.Trim();
    }

    /// <summary>Absent or empty → null.</summary>
    public string? OptionalText(string key) => Bitrix24EventParser.NullIfEmpty(evt.Data.GetString(key)?.Trim());

    public long RequiredLong(string key)
    {
        var value = OptionalLong(key);
        if (value is null)
        {
            Error ??= new Bitrix24ParseError(Field(key), "is missing");
        }

        return value ?? 0;
    }

    /// <summary>Absent, empty → null; a bad number records an error.</summary>
    public long? OptionalLong(string key)
    {
        if (!Bitrix24EventParser.TryOptionalLong(evt.Data.GetString(key), out var value))
        {
            Error ??= new Bitrix24ParseError(Field(key), "is not an integer");
        }

        return value;
    }

    /// <summary>Like <see cref="OptionalLong"/>, with 0 ("none" in Bitrix24 payloads) as null.</summary>
    public long? OptionalId(string key) => OptionalLong(key) is { } id and > 0 ? id : null;

    /// <summary><c>Y</c>/<c>1</c>/<c>true</c> → true; absent → null.</summary>
    public bool? OptionalFlag(string key) => evt.Data.GetString(key)?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "Y" or "1" or "TRUE" => true,
        _ => false,
    };

    private static string Field(string key) => Bitrix24Parameters.Key("data", key);
}
