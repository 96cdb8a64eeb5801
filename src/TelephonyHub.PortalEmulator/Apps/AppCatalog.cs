using System.Collections.Concurrent;

namespace TelephonyHub.PortalEmulator.Apps;

/// <summary>The applications the emulator's OAuth server knows, by client_id.</summary>
public sealed class AppCatalog
{
    private readonly ConcurrentDictionary<string, MarketApp> apps = new(StringComparer.Ordinal);

    /// <summary>All known apps.</summary>
    public IReadOnlyList<MarketApp> All => [.. apps.Values.OrderBy(a => a.ClientId, StringComparer.Ordinal)];

    /// <summary>Adds or replaces an app.</summary>
    public void Register(MarketApp app) => apps[app.ClientId] = app;

    /// <summary>The app with that client_id, or null.</summary>
    public MarketApp? Find(string clientId) => apps.GetValueOrDefault(clientId);
}
