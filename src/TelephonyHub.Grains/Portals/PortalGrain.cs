using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Grains.Portals;

/// <inheritdoc cref="IPortalGrain"/>
public sealed partial class PortalGrain(
    [PersistentState("portal", StorageNames.Default)] IPersistentState<PortalState> state,
    PortalTokenProtector protector,
    Bitrix24OAuthClient oauth,
    IOptions<PortalOptions> options,
    TimeProvider time,
    ILogger<PortalGrain> logger) : Grain, IPortalGrain, IBitrix24ResultReceiver, IRemindable
{
    private const string PurgeReminder = "purge-uninstalled";

    private PortalTokens? _tokens;

    private string PortalId => this.GetPrimaryKeyString();

    private IPortalDispatchGrain Dispatch => GrainFactory.GetGrain<IPortalDispatchGrain>(PortalId);

    async Task IPortalGrain.InstallAsync(PortalInstallation installation)
    {
        var now = time.GetUtcNow();
        var tokens = installation.Tokens;
        _tokens = new PortalTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt);
        state.State = state.State with
        {
            Lifecycle = PortalLifecycle.Installed,
            Domain = installation.Domain,
            ClientEndpoint = tokens.ClientEndpoint,
            ProtectedTokens = protector.Protect(_tokens),
            ApplicationTokenHash = SecretHash.Of(installation.ApplicationToken),
            InstallerUserId = installation.InstallerUserId,
            Scope = tokens.Scope,
            InstalledAt = now,
            UninstalledAt = null,
            EventHandlerUrl = installation.EventHandlerUrl,
            AppVersion = installation.AppVersion,
        };
        await state.WriteStateAsync();
        LogInstalled(logger, PortalId, installation.Domain, installation.AppVersion);
        if (await this.GetReminder(PurgeReminder) is { } purge)
        {
            await this.UnregisterReminder(purge); // reinstalled within the retention period: keep everything
        }

        await SetUpAsync($"install:{now.UtcTicks}", includeUsers: true);
    }

    async Task IPortalGrain.RebindAsync()
    {
        if (state.State.Lifecycle is PortalLifecycle.Installed or PortalLifecycle.NeedsReinstall)
        {
            await SetUpAsync($"rebind:{time.GetUtcNow().UtcTicks}", includeUsers: false);
        }
    }

    async Task IPortalGrain.UninstallAsync(bool deleteData)
    {
        var now = time.GetUtcNow();
        _tokens = null;
        state.State = state.State with
        {
            Lifecycle = PortalLifecycle.Uninstalled,
            ProtectedTokens = null,
            UninstalledAt = now,
            PbxKeys = PbxKeys.RevokeAll(state.State.PbxKeys, now),
        };
        await state.WriteStateAsync();
        var keepFor = deleteData ? options.Value.CleanUninstallDelay : options.Value.UninstalledDataRetention;
        await this.RegisterOrUpdateReminder(PurgeReminder, keepFor, keepFor > TimeSpan.FromMinutes(1) ? keepFor : TimeSpan.FromMinutes(1));
        LogUninstalled(logger, PortalId, now + keepFor);
        await GrainFactory.GetGrain<IPbxLinkGrain>(PortalId).CloseStreamsAsync(null, "The Bitrix24 app was uninstalled; the PBX keys of this portal are revoked.");
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        if (state.State.Lifecycle != PortalLifecycle.Uninstalled)
        {
            return; // reinstalled meanwhile
        }

        // The portal's parts first, its own record last: a purge interrupted half way is finished by the next one.
        foreach (var part in PortalParts())
        {
            await part.PurgeAsync();
        }

        await state.ClearStateAsync();
        state.State = new PortalState();
        _tokens = null;
        LogPurged(logger, PortalId);
        this.DeactivateOnIdle();
    }

    Task<bool> IPortalGrain.VerifyApplicationTokenAsync(string applicationToken) =>
        Task.FromResult(SecretHash.Matches(state.State.ApplicationTokenHash, applicationToken));

    Task<PortalCallContext> IPortalGrain.GetCallContextAsync(string? extension)
    {
        var settings = state.State.Settings;
        return Task.FromResult(new PortalCallContext
        {
            Installed = state.State.Lifecycle is PortalLifecycle.Installed or PortalLifecycle.NeedsReinstall,
            DefaultRegion = settings.PhoneRegion,
            AddToChat = settings.AddToChat,
            RecordingMaxWait = settings.RecordingMaxWait,
            FallbackUserId = settings.FallbackUserId ?? state.State.InstallerUserId,
            ExtensionUserId = extension is null ? null : PortalDirectory.UserOf(state.State, extension),
            PortalFetchesRecordingUrls = settings.PortalFetchesRecordingUrls,
            CrmRouting = settings.CrmRouting,
        });
    }

    Task<PortalDialContext> IPortalGrain.GetDialContextAsync() => Task.FromResult(new PortalDialContext
    {
        Installed = state.State.Lifecycle is PortalLifecycle.Installed or PortalLifecycle.NeedsReinstall,
        DefaultRegion = state.State.Settings.PhoneRegion,
        AddToChat = state.State.Settings.AddToChat,
        FallbackUserId = state.State.Settings.FallbackUserId ?? state.State.InstallerUserId,
        Extensions = state.State.SyncedExtensions.SetItems(state.State.ExtensionOverrides),
    });

    Task<ImmutableDictionary<string, long>> IPortalGrain.FindUsersAsync(ImmutableArray<string> extensions) =>
        Task.FromResult(PortalDirectory.UsersOf(state.State, extensions));

    Task<bool> IPortalGrain.AuthenticatePbxKeyAsync(string keyId, string secret) => Task.FromResult(
        state.State.Lifecycle != PortalLifecycle.Uninstalled && PbxKeys.Matches(state.State.PbxKeys, keyId, secret));

    async Task<IssuedPbxKey> IPortalGrain.IssuePbxKeyAsync(string label)
    {
        if (state.State.Lifecycle is PortalLifecycle.None or PortalLifecycle.Uninstalled)
        {
            throw new InvalidOperationException("PBX keys can only be issued for an installed portal.");
        }

        var (issued, record) = PbxKeys.Issue(PortalId, label, time.GetUtcNow());
        state.State = state.State with { PbxKeys = state.State.PbxKeys.Add(record) };
        await state.WriteStateAsync();
        LogKeyIssued(logger, PortalId, issued.KeyId, label);
        return issued;
    }

    async Task IPortalGrain.SetExtensionOverrideAsync(string extension, long? userId)
    {
        state.State = PortalSettingsRules.SetExtensionOverride(state.State, extension, userId);
        await state.WriteStateAsync();
    }

    async Task IPortalGrain.UpdateCallHandlingAsync(CallHandlingSettings settings)
    {
        state.State = PortalSettingsRules.UpdateCallHandling(state.State, settings);
        await state.WriteStateAsync();
    }

    async Task IPortalGrain.RevokePbxKeyAsync(string keyId)
    {
        state.State = state.State with { PbxKeys = PbxKeys.Revoke(state.State.PbxKeys, keyId, time.GetUtcNow()) };
        await state.WriteStateAsync();
        LogKeyRevoked(logger, PortalId, keyId);
        await GrainFactory.GetGrain<IPbxLinkGrain>(PortalId).CloseStreamsAsync(keyId, "The PBX API key was revoked.");
    }

    Task<PortalOverview> IPortalGrain.GetOverviewAsync() => Task.FromResult(new PortalOverview
    {
        PortalId = PortalId,
        Domain = state.State.Domain,
        Lifecycle = state.State.Lifecycle.ToString(),
        ClientEndpoint = state.State.ClientEndpoint,
        InstalledAt = state.State.InstalledAt,
        PbxKeys = [.. state.State.PbxKeys.Select(k => new PbxKeySummary(k.KeyId, k.Label, k.IssuedAt, k.RevokedAt))],
        Extensions = state.State.SyncedExtensions.SetItems(state.State.ExtensionOverrides),
        UsersSyncedAt = state.State.UsersSyncedAt,
        Users = state.State.SyncedUsers,
        ExtensionOverrides = state.State.ExtensionOverrides,
        CallHandling = PortalSettingsRules.CallHandlingOf(state.State.Settings),
        InstallerUserId = state.State.InstallerUserId,
        CrmRouting = state.State.Settings.CrmRouting,
    });

    Task<Bitrix24Connection?> IPortalGrain.GetBitrix24AccessAsync() => Task.FromResult(Connection());

    async Task<Bitrix24Connection?> IPortalGrain.RefreshBitrix24AccessAsync(string expiredAccessToken)
    {
        var current = Tokens();
        if (current is null || state.State.Lifecycle != PortalLifecycle.Installed)
        {
            return null;
        }

        if (current.AccessToken != expiredAccessToken)
        {
            return Connection(); // somebody refreshed already: calls are serialized here, so refreshes collapse
        }

        var outcome = await oauth.RefreshAsync(current.RefreshToken, CancellationToken.None);
        if (outcome.IsSuccess && outcome.Tokens.MemberId == PortalId)
        {
            _tokens = new PortalTokens(outcome.Tokens.AccessToken, outcome.Tokens.RefreshToken, outcome.Tokens.ExpiresAt);
            state.State = state.State with { ProtectedTokens = protector.Protect(_tokens), ClientEndpoint = outcome.Tokens.ClientEndpoint };
            await state.WriteStateAsync();
            LogRefreshed(logger, PortalId, outcome.Tokens.ExpiresAt);
            return Connection();
        }

        if (outcome.Error is { Kind: Bitrix24OAuthErrorKind.Transient } transient)
        {
            throw new Bitrix24RefreshFailedException($"Refreshing the tokens of portal {PortalId} failed for now: {transient.Description}");
        }

        // invalid_grant and its kin: only a reinstall brings new tokens. Requests keep waiting in the dispatch.
        state.State = state.State with { Lifecycle = PortalLifecycle.NeedsReinstall };
        await state.WriteStateAsync();
        LogNeedsReinstall(logger, PortalId, outcome.Error?.Code ?? "member_id mismatch");
        return null;
    }

    async Task IBitrix24ResultReceiver.OnDispatchResultAsync(DispatchResult result)
    {
        if (result.Error is { } error)
        {
            LogSetupFailed(logger, PortalId, result.Request.Method, error.Code, error.Description);
            return;
        }

        if (result.Value is Bitrix24UserPage page)
        {
            var (next, done) = PortalDirectory.AddUserPage(state.State, page, time.GetUtcNow());
            state.State = next;
            await state.WriteStateAsync();
            if (done)
            {
                LogUsersSynced(logger, PortalId, state.State.SyncedExtensions.Count);
            }
            else
            {
                await Dispatch.EnqueueAsync([PortalInstallRequests.UserPage($"{result.RequestId}:{page.Next}", page.Next, this.GetGrainId())]);
            }
        }
    }

    /// <summary>Binds the hub's events, registers the line and (at install) syncs the users, through the dispatch.</summary>
    private async Task SetUpAsync(string setupId, bool includeUsers)
    {
        var requests = PortalInstallRequests.For(setupId, state.State.EventHandlerUrl!, state.State.Settings, this.GetGrainId());
        await Dispatch.EnqueueAsync(includeUsers ? requests : [.. requests.Where(r => r.Request is not GetUsers)]);
        await Dispatch.ResumeAsync();
    }

    private IEnumerable<IPortalPart> PortalParts() =>
    [
        GrainFactory.GetGrain<IPortalDispatchGrain>(PortalId),
        GrainFactory.GetGrain<IPbxLinkGrain>(PortalId),
        GrainFactory.GetGrain<Abstractions.Presence.IPresenceGrain>(PortalId),
        GrainFactory.GetGrain<IRecentCallsGrain>(PortalId),
    ];

    private PortalTokens? Tokens() =>
        _tokens ??= state.State.ProtectedTokens is { } stored ? protector.Unprotect(stored) : null;

    private Bitrix24Connection? Connection() =>
        state.State is { Lifecycle: PortalLifecycle.Installed, ClientEndpoint: { } endpoint } && Tokens() is { } tokens
            ? new Bitrix24Connection(endpoint, tokens.AccessToken)
            : null;
}
