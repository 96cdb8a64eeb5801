using Microsoft.Extensions.Options;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Grains.Persistence;

namespace TelephonyHub.Grains.Dispatch;

/// <inheritdoc cref="IPortalDispatchGrain"/>
/// <remarks>
/// Reentrant so that enqueuing never waits behind a slow portal: one pump sends while new requests are stored.
/// Every change to the state is made synchronously and stored through one coalescing writer. One HTTP request is in
/// flight at a time: a portal's bucket allows a few per second (reference §2.1), and batches of 50 fill that easily.
/// Lanes of finished calls move to a separately stored archive once enough gather (<see cref="LaneArchiving"/>).
/// </remarks>
[Reentrant]
public sealed partial class PortalDispatchGrain(
    [PersistentState("dispatch", StorageNames.Default)] IPersistentState<DispatchState> state,
    [PersistentState("dispatch-finished", StorageNames.Default)] IPersistentState<FinishedLaneArchive> archive,
    Bitrix24Transmitter transmitter,
    IOptions<DispatchOptions> options,
    TimeProvider time,
    DispatchMetrics metrics,
    ILogger<PortalDispatchGrain> logger) : Grain, IPortalDispatchGrain, IRemindable
{
    private const string WakeReminder = "dispatch-wake";

    private readonly CoalescingStateWriter<DispatchState> _writer = new(state);
    private readonly CoalescingStateWriter<FinishedLaneArchive> _archiveWriter = new(archive);
    private Task _archiving = Task.CompletedTask;
    private RateBudget _budget = null!;
    private Task _pump = Task.CompletedTask;
    private bool _kicked;
    private IGrainTimer? _wakeTimer;
    private DateTimeOffset? _wakeTimerAt;
    private IGrainReminder? _reminder;
    private bool _enqueuedSinceTick;
    private Bitrix24Connection? _connection;

    private string PortalId => this.GetPrimaryKeyString();

    private DispatchOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (capacity, drain) = BucketLearning.Limits(state.State, Options);
        _budget = new RateBudget(capacity, drain, Options.LiveCardReserve);
        metrics.Track(PortalId, state.State);
        Kick();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        metrics.Forget(PortalId);
        return Task.CompletedTask;
    }

    async Task IPortalDispatchGrain.EnqueueAsync(ImmutableArray<DispatchRequest> requests)
    {
        var now = time.GetUtcNow();
        (var next, var added) = DispatchEnqueue.Add(state.State, requests, now, archive.State);
        if (added == 0)
        {
            return;
        }

        state.State = BucketLearning.EnsureProbe(next, now);
        metrics.Track(PortalId, state.State);
        _enqueuedSinceTick = true;
        await _writer.WriteAsync();
        _reminder ??= await this.RegisterOrUpdateReminder(WakeReminder, Options.WakeReminderPeriod, Options.WakeReminderPeriod);
        metrics.Enqueued(PortalId, added);
        Kick();
    }

    async Task IPortalDispatchGrain.ResumeAsync()
    {
        _connection = null;
        if (state.State.PausedBecause is not null)
        {
            state.State = state.State with { PausedBecause = null };
            await _writer.WriteAsync();
            LogResumed(logger, PortalId);
        }

        Kick();
    }

    Task<DispatchStatus> IPortalDispatchGrain.GetStatusAsync() => Task.FromResult(DispatchStatusView.Of(state.State, Options));

    async Task IPortalPart.PurgeAsync()
    {
        var dropped = state.State.Queue.Count;
        state.State = new DispatchState { PausedBecause = "The portal was purged." };
        await state.ClearStateAsync();
        await _archiving;
        await _archiveWriter.ClearAsync();
        if ((_reminder ?? await this.GetReminder(WakeReminder)) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _reminder = null;
        }

        LogPurged(logger, PortalId, dropped);
        this.DeactivateOnIdle();
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        var enqueued = _enqueuedSinceTick;
        _enqueuedSinceTick = false;
        if (!state.State.Queue.IsEmpty)
        {
            Kick();
            return;
        }

        if (enqueued)
        {
            // Empty now, but requests came during the last period: a portal with calls every few minutes would
            // otherwise write its reminder row twice per call (unregistered here, registered by the next enqueue).
            return;
        }

        // Idle for a whole period: nothing needs waking after a restart any more. Forgotten before the await, so an
        // enqueue arriving meanwhile (the grain is reentrant) registers the reminder again instead of relying on
        // the one being removed.
        var reminder = _reminder ?? await this.GetReminder(WakeReminder);
        _reminder = null;
        if (reminder is null)
        {
            return;
        }

        try
        {
            await this.UnregisterReminder(reminder);
        }
        catch (ReminderException)
        {
            // An enqueue registered it again meanwhile (the row moved on): it stays, as it should.
        }
    }

    /// <summary>Makes sure the pump runs; if it is running, it plans once more before it stops.</summary>
    private void Kick()
    {
        _kicked = true;
        if (_pump.IsCompleted)
        {
            _pump = PumpAsync();
        }
    }

    private async Task PumpAsync()
    {
        while (_kicked)
        {
            _kicked = false;
            var plan = DispatchPlanner.Plan(state.State, time.GetUtcNow(), _budget, Options);
            state.State = plan.State;
            Report(plan.Dropped);
            foreach (var compacted in plan.Compacted)
            {
                LogCompacted(logger, PortalId, compacted.Request.RequestId, compacted.Request.Request.Method);
            }

            if (plan.Send.IsEmpty)
            {
                if (!plan.Dropped.IsEmpty || !plan.Compacted.IsEmpty)
                {
                    metrics.Track(PortalId, state.State);
                    await _writer.WriteAsync();
                }

                WakeAt(plan.WakeAt);
                continue;
            }

            _kicked = true; // something was sendable: look again after this round
            try
            {
                await SendAsync(plan.Send);
            }
            catch (Exception ex)
            {
                // Storage or a grain call failed: the state in memory is ahead of storage, the requests are still
                // queued, and the next round (or the reminder) tries again.
                LogPumpFailed(logger, PortalId, ex);
                WakeAt(time.GetUtcNow() + Options.RetryBaseDelay);
                return;
            }
        }
    }

    private async Task SendAsync(ImmutableArray<PreparedRequest> batch)
    {
        var portal = GrainFactory.GetGrain<IPortalGrain>(PortalId);
        var connection = _connection ??= await portal.GetBitrix24AccessAsync();
        if (connection is null)
        {
            await PauseAsync("The portal has no usable access (not installed, or it needs the app reinstalled).");
            return;
        }

        var transmissions = new List<Transmission> { await TransmitAsync(connection, batch) };
        if (transmissions[0].TokenExpired)
        {
            // Refresh once for the whole batch, with the token that expired: the portal grain serializes refreshes and
            // hands back the newer token to any caller that comes with an old one (reference §3.4).
            _connection = await portal.RefreshBitrix24AccessAsync(connection.AccessToken);
            if (_connection is null)
            {
                await PauseAsync("The portal's refresh token is dead; it needs the app reinstalled.");
                return;
            }

            var first = transmissions[0];
            var expired = first.RequestError?.RequiresTokenRefresh == true
                ? first.Outcomes
                : [.. first.Outcomes.Where(o => o.Error?.RequiresTokenRefresh == true)];
            transmissions[0] = first with { Outcomes = first.Outcomes.RemoveRange(expired), RequestError = null };
            transmissions.Add(await TransmitAsync(_connection, [.. expired.Select(o => o.Sent)]));
        }

        var now = time.GetUtcNow();
        var before = state.State.Counters;
        var results = ImmutableArray.CreateBuilder<DispatchNotice>();
        foreach (var transmission in transmissions.Where(t => !t.Outcomes.IsEmpty))
        {
            var applied = DispatchOutcomes.Apply(state.State, transmission, now, Options, Random.Shared.NextDouble());
            if (applied.LimitHit)
            {
                _budget.Fill(now);
            }

            state.State = applied.State;
            results.AddRange(applied.Results);
        }

        // Armed before anything else can happen: whoever sees this round's outcome (a metric, the status) can rely on
        // the dispatch waking up for the retry.
        if (state.State.BackoffUntil is { } backoff)
        {
            WakeAt(backoff);
            LogBackingOff(logger, PortalId, state.State.ConsecutiveFailures, state.State.LastError, backoff);
        }

        var (capacity, drain) = BucketLearning.Limits(state.State, Options);
        _budget.Resize(capacity, drain);
        metrics.Track(PortalId, state.State);
        metrics.Counted(PortalId, before, state.State.Counters);
        transmissions.ForEach(t => metrics.Answered(PortalId, t));
        await _writer.WriteAsync();
        Report(results.ToImmutable());
        ArchiveFinishedLanes();
    }

    /// <summary>
    /// Once enough finished lanes gathered, stores them in the archive, then drops them from the state (the next write
    /// stores it without them). In that order, a crash in between leaves a lane in both places, which is harmless.
    /// </summary>
    private void ArchiveFinishedLanes()
    {
        if (!_archiving.IsCompleted || LaneArchiving.Due(state.State, Options) is not { IsEmpty: false } due)
        {
            return;
        }

        _archiving = ArchiveAsync(due);
    }

    private async Task ArchiveAsync(ImmutableDictionary<string, DispatchLane> due)
    {
        try
        {
            archive.State = LaneArchiving.Add(archive.State, due, time.GetUtcNow(), Options);
            await _archiveWriter.WriteAsync();
            state.State = LaneArchiving.Forget(state.State, due);
            LogArchived(logger, PortalId, due.Count, archive.State.Lanes.Count);
        }
        catch (Exception ex)
        {
            // The lanes stay in the state, which is stored with them as before; the next round tries again.
            LogArchiveFailed(logger, PortalId, ex);
        }
    }

    private async Task<Transmission> TransmitAsync(Bitrix24Connection connection, IReadOnlyList<PreparedRequest> requests)
    {
        _budget.Spend(time.GetUtcNow());
        var methodCalls = requests.Count;
        state.State = state.State with
        {
            Counters = state.State.Counters with
            {
                HttpRequests = state.State.Counters.HttpRequests + 1,
                Batched = state.State.Counters.Batched + (methodCalls > 1 ? methodCalls : 0),
            },
        };
        metrics.HttpRequestSent(PortalId, methodCalls);
        return await transmitter.SendAsync(connection, requests, CancellationToken.None);
    }

    private async Task PauseAsync(string reason)
    {
        state.State = state.State with { PausedBecause = reason };
        await _writer.WriteAsync();
        LogPaused(logger, PortalId, reason);
    }

    private void Report(ImmutableArray<DispatchNotice> notices)
    {
        foreach (var (replyTo, result) in notices)
        {
            if (result.Error is { } error)
            {
                LogFailed(logger, PortalId, result.RequestId, result.Request.Method, error.Kind, error.Code, error.Description);
            }

            if (replyTo is { } target)
            {
                GrainFactory.GetGrain<IBitrix24ResultReceiver>(target).OnDispatchResultAsync(result).Ignore();
            }
        }
    }

    /// <summary>Arms the one wake-up timer for <paramref name="wakeAt"/> (null: none), unless it is armed for that time already.</summary>
    private void WakeAt(DateTimeOffset? wakeAt)
    {
        if (wakeAt is { } target && _wakeTimerAt == target)
        {
            return; // re-arming would only restart the same wait from a later clock reading
        }

        _wakeTimer?.Dispose();
        _wakeTimer = null;
        _wakeTimerAt = wakeAt;
        if (wakeAt is not { } at)
        {
            return;
        }

        var due = at - time.GetUtcNow();
        _wakeTimer = this.RegisterGrainTimer(() =>
        {
            _wakeTimerAt = null;
            Kick();
            return Task.CompletedTask;
        }, new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
    }
}
