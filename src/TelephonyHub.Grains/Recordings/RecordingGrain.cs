using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.Recordings;

/// <inheritdoc cref="IRecordingGrain"/>
/// <remarks>
/// Each step is decided by <see cref="RecordingDecisions"/>, run by <see cref="RecordingSteps"/>, and stored before the
/// next one runs. A grain timer runs the next step when due; a reminder stands by while the job runs, so a silo loss
/// only delays it. Only the first step of the attach goes through the dispatch (ordered after the finish on the call's
/// lane, rate-limited); the upload itself streams from the store, so a large file never holds up the portal's other
/// requests.
/// </remarks>
public sealed partial class RecordingGrain(
    [PersistentState(PerCallStates.Recording, StorageNames.Default)] IPersistentState<RecordingState> state,
    IRecordingStore store,
    RecordingFetcher fetcher,
    RecordingUploader uploader,
    IOptions<RecordingOptions> options,
    IOptions<ReminderOptions> reminders,
    TimeProvider time,
    RecordingMetrics metrics,
    ILogger<RecordingGrain> logger) : Grain, IRecordingGrain, IBitrix24ResultReceiver, IRemindable
{
    private RecordingSteps? _steps;
    private DeadlineTimer? _step;
    private StandbyReminder? _standby;

    private string Key => this.GetPrimaryKeyString();

    private RecordingSteps Steps => _steps ??= new(store, fetcher, uploader, GrainFactory, options.Value, time, metrics, logger, Key);

    private DeadlineTimer NextStep => _step ??= new(this, time, StepAsync);

    private StandbyReminder Standby => _standby ??= new(this, "recording-job");

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ScheduleAsync();

    async Task IRecordingGrain.AttachAsync(RecordingAttachRequest request)
    {
        if (RecordingDecisions.Accept(state.State, request, time.GetUtcNow(), out var why) is not { } job)
        {
            LogJobIgnored(logger, Key, request.JobId, why);
            return;
        }

        await SaveAsync(job);
    }

    async Task IBitrix24ResultReceiver.OnDispatchResultAsync(DispatchResult result)
    {
        if (!RecordingDecisions.Awaits(state.State, result.RequestId))
        {
            // An answer to an attachRecord asked again since (the newer one counts), or to a finished job.
            LogStaleAnswer(logger, Key, result.RequestId, state.State.Phase);
            return;
        }

        await MoveAsync(await Steps.OnAttachAnsweredAsync(state.State, result));
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        Standby.Fired();
        await StepAsync();
    }

    private async Task StepAsync()
    {
        var now = time.GetUtcNow();
        if (state.State.NextStepAt is not { } due || due > now)
        {
            await ScheduleAsync();
            return;
        }

        using var activity = Steps.StartActivity(state.State);
        switch (state.State.Phase)
        {
            case RecordingPhase.Fetching:
                await MoveAsync(await Steps.FetchAsync(state.State));
                break;
            case RecordingPhase.Stored:
                // Stored before it is queued: the answer may come back before EnqueueAsync returns.
                await SaveAsync(RecordingDecisions.AttachRequested(state.State, RecordingDecisions.NextAttachRequestId(Key, state.State), now, options.Value));
                if (await Steps.QueueAttachAsync(state.State, this.GetGrainId()) is { } retry)
                {
                    await SaveAsync(retry);
                }

                break;
            case RecordingPhase.Attaching:
                LogAttachAnswerOverdue(logger, Key, state.State.AttachAttempts);
                await SaveAsync(RecordingDecisions.AttachAnswerOverdue(state.State, now));
                break;
        }
    }

    /// <summary>Stores the job's next state; a job that is over (attached or given up) then ends.</summary>
    private async Task MoveAsync(RecordingState next)
    {
        await SaveAsync(next);
        if (!RecordingDecisions.IsRunning(next))
        {
            await Steps.EndAsync(next);
        }
    }

    private async Task SaveAsync(RecordingState next)
    {
        state.State = next;
        await state.WriteStateAsync();
        await ScheduleAsync();
    }

    /// <summary>A timer for the next step while the job runs, and a reminder in case this silo dies first.</summary>
    private async Task ScheduleAsync()
    {
        if (!RecordingDecisions.IsRunning(state.State))
        {
            NextStep.Disarm();
            await Standby.DropAsync();
            return;
        }

        NextStep.Arm(state.State.NextStepAt ?? time.GetUtcNow());
        var period = reminders.Value.MinimumReminderPeriod;
        await Standby.EnsureAsync(period, period);
    }
}
