using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Grains.Portals;

/// <inheritdoc cref="IPortalGrain"/>
/// <remarks>
/// The shell of a portal: what changes is decided in plain classes (<see cref="PortalLifecycleRules"/>,
/// <see cref="PortalSettingsRules"/>, <see cref="PbxKeys"/>, <see cref="PortalDirectory"/>), what it shows in
/// <see cref="PortalViews"/>; its tokens are kept by <see cref="PortalCredentials"/>, its purge after an uninstall
/// is <see cref="PortalPurge"/>'s.
/// </remarks>
public sealed partial class PortalGrain(
    [PersistentState("portal", StorageNames.Default)] IPersistentState<PortalState> state,
    PortalTokenProtector protector,
    Bitrix24OAuthClient oauth,
    IOptions<PortalOptions> options,
    TimeProvider time,
    ILogger<PortalGrain> logger) : Grain, IPortalGrain, IBitrix24ResultReceiver, IRemindable
{
    private PortalCredentials? _credentials;
    private PortalPurge? _purge;

    private string PortalId => this.GetPrimaryKeyString();

    /// <summary>Uninstalling revokes every key; none counts meanwhile either (a purge may be under way).</summary>
    private ImmutableArray<PbxKeyRecord> PbxKeysInForce =>
        state.State.Lifecycle == PortalLifecycle.Uninstalled ? [] : state.State.PbxKeys;

    private IPortalDispatchGrain Dispatch => GrainFactory.GetGrain<IPortalDispatchGrain>(PortalId);

    private PortalCredentials Credentials => _credentials ??= new(protector, oauth);

    private PortalPurge Purge => _purge ??= new(this, GrainFactory, PortalId);

    async Task IPortalGrain.InstallAsync(PortalInstallation installation)
    {
        var now = time.GetUtcNow();
        var tokens = installation.Tokens;
        var stored = Credentials.Keep(new PortalTokens(tokens.AccessToken, tokens.RefreshToken, tokens.ExpiresAt));
        if (PortalLifecycleRules.ReplacesApplicationToken(state.State, installation.ApplicationToken))
        {
            LogApplicationTokenReplaced(logger, PortalId, installation.InstallerUserId);
        }

        state.State = PortalLifecycleRules.Installed(state.State, installation, stored, now);
        await state.WriteStateAsync();
        LogInstalled(logger, PortalId, installation.Domain, installation.AppVersion);
        await Purge.CancelAsync(); // reinstalled within the retention period: keep everything
        await KeepTokensAliveFromNowAsync();

        await SetUpAsync($"install:{now.UtcTicks}", includeUsers: true);
    }

    async Task IPortalGrain.RebindAsync()
    {
        if (PortalViews.IsInstalled(state.State))
        {
            await SetUpAsync($"rebind:{time.GetUtcNow().UtcTicks}", includeUsers: false);
        }
    }

    async Task IPortalGrain.UninstallAsync(bool deleteData)
    {
        var now = time.GetUtcNow();
        Credentials.Forget();
        state.State = PortalLifecycleRules.Uninstalled(state.State, now);
        await state.WriteStateAsync();
        var keepFor = PortalLifecycleRules.KeepDataFor(options.Value, deleteData);
        await Purge.ScheduleAsync(keepFor);
        LogUninstalled(logger, PortalId, now + keepFor);
        await GrainFactory.GetGrain<IPbxLinkGrain>(PortalId).CloseStreamsAsync(null, "The Bitrix24 app was uninstalled; the PBX keys of this portal are revoked.");
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == PortalTokenKeepAlive.ReminderName)
        {
            await KeepTokensAliveAsync();
            return;
        }

        await Purge.CancelAsync(reminderName);
        if (state.State.Lifecycle != PortalLifecycle.Uninstalled)
        {
            return; // reinstalled meanwhile
        }

        // The portal's parts first, its own record last: a purge interrupted half way is finished by the next one.
        await Purge.PurgePartsAsync();
        await state.ClearStateAsync();
        state.State = new PortalState();
        Credentials.Forget();
        LogPurged(logger, PortalId);
        this.DeactivateOnIdle();
    }

    Task<bool> IPortalGrain.VerifyApplicationTokenAsync(string applicationToken) =>
        Task.FromResult(SecretHash.Matches(state.State.ApplicationTokenHash, applicationToken));

    Task<PortalCallContext> IPortalGrain.GetCallContextAsync(string? extension) => Task.FromResult(PortalViews.CallContext(state.State, extension));

    Task<PortalDialContext> IPortalGrain.GetDialContextAsync() => Task.FromResult(PortalViews.DialContext(state.State));

    Task<ImmutableDictionary<string, long>> IPortalGrain.FindUsersAsync(ImmutableArray<string> extensions) =>
        Task.FromResult(PortalDirectory.UsersOf(state.State, extensions));

    Task<bool> IPortalGrain.AuthenticatePbxKeyAsync(string keyId, string secret) =>
        Task.FromResult(PbxKeys.Matches(PbxKeysInForce, keyId, secret));

    Task<bool> IPortalGrain.IsPbxKeyActiveAsync(string keyId) => Task.FromResult(PbxKeys.IsActive(PbxKeysInForce, keyId));

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

    async Task IPortalGrain.RevokePbxKeyAsync(string keyId)
    {
        state.State = state.State with { PbxKeys = PbxKeys.Revoke(state.State.PbxKeys, keyId, time.GetUtcNow()) };
        await state.WriteStateAsync();
        LogKeyRevoked(logger, PortalId, keyId);
        // The link closes every stream it stored for the key; one it misses learns at its next renewal, which asks here.
        await GrainFactory.GetGrain<IPbxLinkGrain>(PortalId).CloseStreamsAsync(keyId, PbxCloseReasons.KeyRevoked);
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

    Task<PortalOverview> IPortalGrain.GetOverviewAsync() => Task.FromResult(PortalViews.Overview(PortalId, state.State));

    Task<Bitrix24Connection?> IPortalGrain.GetBitrix24AccessAsync() => Task.FromResult(Credentials.ConnectionOf(state.State));

    async Task<Bitrix24Connection?> IPortalGrain.RefreshBitrix24AccessAsync(string expiredAccessToken)
    {
        var issuedBefore = state.State.TokensIssuedAt;
        var refresh = await Credentials.RefreshAsync(state.State, expiredAccessToken, PortalId, time.GetUtcNow());
        if (refresh.Next is { } next)
        {
            state.State = next;
            await state.WriteStateAsync();
            if (refresh.ValidUntil is { } validUntil)
            {
                LogRefreshed(logger, PortalId, validUntil);
            }
            else
            {
                LogNeedsReinstall(logger, PortalId, refresh.WhyDead!);
            }
        }

        if (issuedBefore is null && state.State.TokensIssuedAt is not null)
        {
            await KeepTokensAliveFromNowAsync(); // a portal installed before the keep-alive existed
        }

        return Credentials.ConnectionOf(state.State);
    }

    private Task KeepTokensAliveFromNowAsync()
    {
        var period = options.Value.TokenKeepAliveCheckPeriod;
        return this.RegisterOrUpdateReminder(PortalTokenKeepAlive.ReminderName, period, period);
    }

    /// <summary>Refreshes tokens that grew old unused (<see cref="PortalTokenKeepAlive"/>); a failure waits for the next check.</summary>
    private async Task KeepTokensAliveAsync()
    {
        if (!PortalTokenKeepAlive.IsNeeded(state.State))
        {
            await Purge.CancelAsync(PortalTokenKeepAlive.ReminderName);
            return;
        }

        if (!PortalTokenKeepAlive.IsDue(state.State, time.GetUtcNow(), options.Value) || Credentials.ConnectionOf(state.State) is not { } current)
        {
            return;
        }

        LogKeepingTokensAlive(logger, PortalId, state.State.TokensIssuedAt ?? state.State.InstalledAt);
        try
        {
            await ((IPortalGrain)this).RefreshBitrix24AccessAsync(current.AccessToken);
        }
        catch (Bitrix24RefreshFailedException ex)
        {
            LogKeepAliveFailed(logger, PortalId, ex.Message);
        }
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
}
