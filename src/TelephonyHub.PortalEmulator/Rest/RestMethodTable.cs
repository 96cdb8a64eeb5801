namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>Every REST method by lower-case name.</summary>
public sealed class RestMethodTable(IEnumerable<IRestMethodGroup> groups)
{
    private readonly Dictionary<string, RestMethod> methods =
        groups.SelectMany(g => g.Methods).ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The method for a name as sent (any case, optional <c>.json</c>), or null.</summary>
    public RestMethod? Find(string name) => methods.GetValueOrDefault(Normalize(name));

    /// <summary>All method names, sorted.</summary>
    public IEnumerable<string> Names => methods.Keys.Order(StringComparer.Ordinal);

    /// <summary>Lower case without the <c>.json</c> suffix: <c>telephony.externalCall.register.json</c> → <c>telephony.externalcall.register</c>.</summary>
    public static string Normalize(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower.EndsWith(".json", StringComparison.Ordinal) ? lower[..^5] : lower;
    }
}
