using System.Globalization;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// The parameters of one REST call, flattened the way PHP's <c>http_build_query</c> does (reference §1.2):
/// an ordered list of key/value pairs whose keys already carry their brackets (<c>USER_ID[0]</c>,
/// <c>filter[CONTACT_ID]</c>). Nulls and empty lists are omitted because PHP drops them.
/// </summary>
public sealed class Bitrix24Parameters
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    /// <summary>The flattened pairs in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>Builds a nested key: <c>Key("filter", "CONTACT_ID")</c> is <c>filter[CONTACT_ID]</c>.</summary>
    public static string Key(string root, params ReadOnlySpan<string> path)
    {
        var key = root;
        foreach (var segment in path)
        {
            key += "[" + segment + "]";
        }

        return key;
    }

    /// <summary>Adds a string; null is omitted, an empty string is sent as is.</summary>
    public Bitrix24Parameters Add(string key, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new(key, value));
        }

        return this;
    }

    /// <summary>Adds an integer; null is omitted.</summary>
    public Bitrix24Parameters Add(string key, long? value) =>
        Add(key, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal with an invariant dot; null is omitted.</summary>
    public Bitrix24Parameters Add(string key, decimal? value) =>
        Add(key, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a date as ISO-8601 with offset (<c>2026-03-07T10:20:30+03:00</c>, reference §5.1); null is omitted.</summary>
    public Bitrix24Parameters Add(string key, DateTimeOffset? value) =>
        Add(key, value?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture));

    /// <summary>Adds a boolean as <c>1</c>/<c>0</c> (PHP true/false, e.g. <c>SHOW</c>, <c>ADD_TO_CHAT</c>); null is omitted.</summary>
    public Bitrix24Parameters AddOneZero(string key, bool? value) =>
        Add(key, value is null ? null : value.Value ? "1" : "0");

    /// <summary>Adds a boolean as <c>Y</c>/<c>N</c> (e.g. <c>CRM_AUTO_CREATE</c>); null is omitted.</summary>
    public Bitrix24Parameters AddYesNo(string key, bool? value) =>
        Add(key, value is null ? null : value.Value ? "Y" : "N");

    /// <summary>Adds a list as <c>KEY[0]=a&amp;KEY[1]=b</c>; an empty list is omitted.</summary>
    public Bitrix24Parameters AddList(string key, IEnumerable<string> values)
    {
        var index = 0;
        foreach (var value in values)
        {
            _pairs.Add(new(Key(key, index.ToString(CultureInfo.InvariantCulture)), value));
            index++;
        }

        return this;
    }

    /// <summary>Adds a list of integers as <c>KEY[0]=11&amp;KEY[1]=24</c>; an empty list is omitted.</summary>
    public Bitrix24Parameters AddList(string key, IEnumerable<long> values) =>
        AddList(key, values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Renders the pairs as an <c>application/x-www-form-urlencoded</c> body.</summary>
    public string ToFormBody() => PhpFormEncoder.Encode(_pairs);
}
