using TelephonyHub.PortalEmulator.Apps;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>Who is calling: the user, and for OAuth the installed application.</summary>
/// <param name="Kind">OAuth app or webhook.</param>
/// <param name="UserId">User behind the token or webhook.</param>
/// <param name="App">The app's installation (OAuth only).</param>
/// <param name="AppDefinition">The app itself (OAuth only).</param>
public sealed record RestAuth(AuthKind Kind, int UserId, AppInstallation? App, MarketApp? AppDefinition)
{
    /// <summary>The calling app's client_id, or null for webhooks.</summary>
    public string? ClientId => App?.ClientId;

    /// <summary>Key of the operating-time budget: per application or per webhook (reference §2.2).</summary>
    public string BudgetKey => App is not null ? $"app:{App.ClientId}" : $"webhook:{UserId}";
}
