using System.Collections.Immutable;

namespace TelephonyHub.PortalEmulator.Apps;

/// <summary>
/// An application the emulator's OAuth server knows (reference §3.1): its keys, handlers and scopes.
/// A Market app (<c>app.*</c> client id) can be installed on any portal.
/// </summary>
/// <param name="ClientId">OAuth <c>client_id</c>, e.g. <c>app.6641a2b3c4d5e6.12345678</c>.</param>
/// <param name="ClientSecret">OAuth <c>client_secret</c>.</param>
public sealed record MarketApp(string ClientId, string ClientSecret)
{
    /// <summary>Display name (<c>REST_APP_NAME</c>).</summary>
    public string Name { get; init; } = "TelephonyHub";

    /// <summary>App code reported by <c>app.info</c> (<c>CODE</c>).</summary>
    public string Code { get; init; } = "telephonyhub";

    /// <summary>Installation handler URL that receives ONAPPINSTALL (install flow A, reference §3.2); null: none.</summary>
    public Uri? InstallHandlerUrl { get; init; }

    /// <summary>
    /// The installer page (reference §3.2 flow B): installing from the portal's UI opens it in a frame, and the app
    /// counts as installed only once the page calls <c>BX24.installFinish()</c>; null: the app installs by flow A only.
    /// </summary>
    public Uri? InstallerPageUrl { get; init; }

    /// <summary>The app page opened in the portal's iframe (reference §3.2 frame request); null: no UI.</summary>
    public Uri? AppPageUrl { get; init; }

    /// <summary>Granted scopes; a method outside them answers 403 <c>insufficient_scope</c>.</summary>
    public ImmutableArray<string> Scopes { get; init; } = ["telephony", "crm", "user_basic", "placement"];

    /// <summary>App version (<c>VERSION</c> in ONAPPINSTALL and app.info).</summary>
    public int Version { get; init; } = 1;

    /// <summary>Status letter: F (free), P (paid), T (trial), D (demo), L (local).</summary>
    public string Status { get; init; } = "F";
}
