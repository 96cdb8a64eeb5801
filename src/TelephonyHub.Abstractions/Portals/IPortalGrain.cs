using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Abstractions.Portals;

/// <summary>
/// One Bitrix24 portal that installed the app (key: its <c>member_id</c>): tokens, application token, users and
/// their extensions, settings and PBX keys. Reads are cheap and interleave; writes are serialized, which also makes
/// concurrent token refreshes collapse into one.
/// </summary>
public interface IPortalGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores a verified install (or reinstall), then binds the hub's events, registers the line and syncs users
    /// through the portal's dispatch.
    /// </summary>
    Task InstallAsync(PortalInstallation installation);

    /// <summary>
    /// <c>ONAPPUNINSTALL</c>: forgets the tokens and revokes the PBX keys at once (open PBX streams are closed); the
    /// rest of the portal's data is kept for the retention period (a reinstall finds it) and then purged — soon when
    /// the admin asked to delete the app's data (<paramref name="deleteData"/>).
    /// </summary>
    Task UninstallAsync(bool deleteData);

    /// <summary><c>ONAPPUPDATE</c>: Bitrix24 dropped the app's event bindings; bind them (and the line) again.</summary>
    Task RebindAsync();

    /// <summary>Constant-time check of an event's <c>auth[application_token]</c> against the installed one.</summary>
    [ReadOnly]
    Task<bool> VerifyApplicationTokenAsync(string applicationToken);

    [ReadOnly]
    Task<PortalCallContext> GetCallContextAsync(string? extension);

    /// <summary>Settings and extensions for a call the CRM asked for (click-to-call, callback form).</summary>
    [ReadOnly]
    Task<PortalDialContext> GetDialContextAsync();

    /// <summary>The Bitrix24 users of those extensions that belong to one (unknown extensions are left out).</summary>
    [ReadOnly]
    Task<ImmutableDictionary<string, long>> FindUsersAsync(ImmutableArray<string> extensions);

    /// <summary>True when the key id exists, is not revoked, and the secret matches its hash.</summary>
    [ReadOnly]
    Task<bool> AuthenticatePbxKeyAsync(string keyId, string secret);

    /// <summary>
    /// True while the key exists and is not revoked (nor the app uninstalled): asked again whenever an open PBX stream
    /// attaches or renews its lease, so a stream whose key was revoked is closed even if the revocation missed it.
    /// </summary>
    [ReadOnly]
    Task<bool> IsPbxKeyActiveAsync(string keyId);

    Task<IssuedPbxKey> IssuePbxKeyAsync(string label);

    /// <summary>Maps an extension to a user by hand (or removes the mapping with a null user).</summary>
    /// <exception cref="ArgumentException">The extension is empty or too long, or the user is not an active user.</exception>
    Task SetExtensionOverrideAsync(string extension, long? userId);

    /// <exception cref="ArgumentException">A value is out of range (the message says which and why).</exception>
    Task UpdateCallHandlingAsync(CallHandlingSettings settings);

    Task RevokePbxKeyAsync(string keyId);


    /// <summary>What the settings page shows.</summary>
    [ReadOnly]
    Task<PortalOverview> GetOverviewAsync();

    /// <summary>The current REST access, or null when the portal cannot be called (not installed, needs reinstall).</summary>
    [ReadOnly]
    Task<Bitrix24Connection?> GetBitrix24AccessAsync();

    /// <summary>
    /// Called after <c>expired_token</c> with the token that expired: refreshes once (rotating the refresh token)
    /// unless another caller already did, and returns the access to use. Null when the refresh token is dead: the
    /// portal then needs a reinstall and its requests wait.
    /// </summary>
    Task<Bitrix24Connection?> RefreshBitrix24AccessAsync(string expiredAccessToken);
}
