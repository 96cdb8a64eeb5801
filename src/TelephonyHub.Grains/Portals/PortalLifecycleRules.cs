using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>A portal's install and uninstall as plain functions: what the hub keeps, drops and revokes.</summary>
public static class PortalLifecycleRules
{
    /// <summary>
    /// The app is (re)installed: new tokens (<paramref name="protectedTokens"/>, encrypted already), the application
    /// token hashed, the event handler to bind. Settings, extensions and PBX keys a reinstall finds are kept.
    /// </summary>
    public static PortalState Installed(PortalState state, PortalInstallation installation, string protectedTokens, DateTimeOffset now) => state with
    {
        Lifecycle = PortalLifecycle.Installed,
        Domain = installation.Domain,
        ClientEndpoint = installation.Tokens.ClientEndpoint,
        ProtectedTokens = protectedTokens,
        ApplicationTokenHash = SecretHash.Of(installation.ApplicationToken),
        InstallerUserId = installation.InstallerUserId,
        Scope = installation.Tokens.Scope,
        InstalledAt = now,
        TokensIssuedAt = now,
        UninstalledAt = null,
        EventHandlerUrl = installation.EventHandlerUrl,
        AppVersion = installation.AppVersion,
    };

    /// <summary>
    /// True when an install of a portal that has the app brings another application token than the stored one: every
    /// event signed with the old token is refused from then on (reference §4.3). Installs are made by portal admins
    /// only, but such a swap is still worth a warning. After an uninstall a new token is expected.
    /// </summary>
    public static bool ReplacesApplicationToken(PortalState state, string applicationToken) =>
        PortalViews.IsInstalled(state) && !SecretHash.Matches(state.ApplicationTokenHash, applicationToken);

    /// <summary>The app was removed: the tokens go and every PBX key is revoked; the rest waits for the purge.</summary>
    public static PortalState Uninstalled(PortalState state, DateTimeOffset now) => state with
    {
        Lifecycle = PortalLifecycle.Uninstalled,
        ProtectedTokens = null,
        UninstalledAt = now,
        PbxKeys = PbxKeys.RevokeAll(state.PbxKeys, now),
    };

    /// <summary>How long an uninstalled portal's data is kept: briefly when the admin asked to delete it, else the retention.</summary>
    public static TimeSpan KeepDataFor(PortalOptions options, bool deleteData) =>
        deleteData ? options.CleanUninstallDelay : options.UninstalledDataRetention;
}
