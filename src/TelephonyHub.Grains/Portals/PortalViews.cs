using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>What the portal grain shows of a portal: to a starting call, to a click, to the settings page.</summary>
public static class PortalViews
{
    /// <summary>True while the app is installed, working tokens or not: calls are still taken and wait for a reinstall.</summary>
    public static bool IsInstalled(PortalState state) => state.Lifecycle is PortalLifecycle.Installed or PortalLifecycle.NeedsReinstall;

    /// <summary>The portal's side of a new call: its settings, and the owner of <paramref name="extension"/>.</summary>
    public static PortalCallContext CallContext(PortalState state, string? extension) => new()
    {
        Installed = IsInstalled(state),
        DefaultRegion = state.Settings.PhoneRegion,
        AddToChat = state.Settings.AddToChat,
        RecordingMaxWait = state.Settings.RecordingMaxWait,
        FallbackUserId = FallbackUserOf(state),
        ExtensionUserId = extension is null ? null : PortalDirectory.UserOf(state, extension),
        PortalFetchesRecordingUrls = state.Settings.PortalFetchesRecordingUrls,
        CrmRouting = state.Settings.CrmRouting,
    };

    /// <summary>The portal's side of a click: its settings and every extension with its user.</summary>
    public static PortalDialContext DialContext(PortalState state) => new()
    {
        Installed = IsInstalled(state),
        DefaultRegion = state.Settings.PhoneRegion,
        AddToChat = state.Settings.AddToChat,
        FallbackUserId = FallbackUserOf(state),
        Extensions = ExtensionsOf(state),
    };

    /// <summary>The settings page's view: no secrets, PBX keys by id and label only.</summary>
    public static PortalOverview Overview(string portalId, PortalState state) => new()
    {
        PortalId = portalId,
        Domain = state.Domain,
        Lifecycle = state.Lifecycle.ToString(),
        ClientEndpoint = state.ClientEndpoint,
        InstalledAt = state.InstalledAt,
        PbxKeys = [.. state.PbxKeys.Select(k => new PbxKeySummary(k.KeyId, k.Label, k.IssuedAt, k.RevokedAt))],
        Extensions = ExtensionsOf(state),
        UsersSyncedAt = state.UsersSyncedAt,
        Users = state.SyncedUsers,
        ExtensionOverrides = state.ExtensionOverrides,
        CallHandling = PortalSettingsRules.CallHandlingOf(state.Settings),
        InstallerUserId = state.InstallerUserId,
        CrmRouting = state.Settings.CrmRouting,
    };

    /// <summary>The user a call goes to when nobody better is known: the admin's choice, else who installed the app.</summary>
    private static long FallbackUserOf(PortalState state) => state.Settings.FallbackUserId ?? state.InstallerUserId;

    /// <summary>Every extension with its user: the synced map with the admin's overrides on top.</summary>
    private static ImmutableDictionary<string, long> ExtensionsOf(PortalState state) => state.SyncedExtensions.SetItems(state.ExtensionOverrides);
}
