namespace TelephonyHub.PortalEmulator.Apps;

/// <summary>An application installed on one portal.</summary>
/// <param name="AppId">The app's id on this portal (<c>REST_APP_ID</c>, <c>ID</c> in app.info).</param>
/// <param name="ClientId">The application.</param>
/// <param name="ApplicationToken">Per app-per-portal secret sent with every event (reference §4.3).</param>
/// <param name="InstalledBy">Admin user whose tokens came with ONAPPINSTALL.</param>
/// <param name="InstalledAt">Emulator clock.</param>
public sealed record AppInstallation(int AppId, string ClientId, string ApplicationToken, int InstalledBy, DateTimeOffset InstalledAt)
{
    /// <summary>True after "revoke app": every token of the app is refused (<c>invalid_token</c>/<c>invalid_grant</c>).</summary>
    public bool Revoked { get; init; }

    /// <summary>
    /// False while an installer page (flow B) has not called <c>BX24.installFinish()</c>: the app can already call
    /// the REST API with the installer's tokens, but <c>app.info</c> says <c>INSTALLED: false</c> and no event is
    /// delivered to it (reference §3.2).
    /// </summary>
    public bool Finished { get; init; } = true;
}
