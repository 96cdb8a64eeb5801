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
