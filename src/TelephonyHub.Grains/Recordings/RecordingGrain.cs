using System.Diagnostics;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Recordings;

/// <inheritdoc cref="IRecordingGrain"/>
/// <remarks>
/// Each step is decided by <see cref="RecordingDecisions"/> and stored before the next one runs. A grain timer runs
/// the next step when due; a reminder stands by while the job runs, so a silo loss only delays it. Only the first
/// step of the attach goes through the dispatch (ordered after the finish on the call's lane, rate-limited); the
/// upload itself streams from the store here, so a large file never holds up the portal's other requests.
/// </remarks>
public sealed partial class RecordingGrain(
    [PersistentState("recording", StorageNames.Default)] IPersistentState<RecordingState> state,
    IRecordingStore store,
    RecordingFetcher fetcher,
    RecordingUploader uploader,
    IOptions<RecordingOptions> options,
    IOptions<ReminderOptions> reminders,
    TimeProvider time,
    RecordingMetrics metrics,
    ILogger<RecordingGrain> logger) : Grain, IRecordingGrain, IBitrix24ResultReceiver, IRemindable
{
    private const string JobReminder = "recording-job";

    private IGrainTimer? _step;
    private bool _reminder;

    private string Key => this.GetPrimaryKeyString();

    private RecordingAttachRequest Request => state.State.Request ?? throw new InvalidOperationException("A running job has its request.");

    private string Source => Request.Url?.GetLeftPart(UriPartial.Path) ?? "the PBX's upload"; // no query: it may hold a token

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

        if (result.Error is { } error)
        {
            // The dispatch retried what could pass; this is final (e.g. the call was never registered).
            await EndAsync(RecordingDecisions.GiveUp(state.State, $"Bitrix24 refused attachRecord: {error.Code} {error.Description}".Trim()));
            return;
        }

        var answer = (AttachRecordResult?)result.Value;
        var uploaded = answer is { IsUploadRequired: true }
            ? await uploader.UploadAsync(state.State.Stored!, answer, CancellationToken.None)
            : new RecordingUploadResult(answer?.FileId, null, false);
        if (uploaded.Succeeded)
        {
            await EndAsync(RecordingDecisions.Attached(state.State, uploaded.FileId));
            return;
        }

        var next = RecordingDecisions.AttachFailed(state.State, uploaded.Failure!, uploaded.Transient, time.GetUtcNow(), options.Value, Random.Shared.NextDouble());
        if (next.Phase == RecordingPhase.Failed)
        {
            await EndAsync(next);
            return;
        }

        LogUploadRetry(logger, Key, next.LastError, next.NextStepAt!.Value);
        await SaveAsync(next);
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        _reminder = true;
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

        using var activity = StartActivity();
        switch (state.State.Phase)
        {
            case RecordingPhase.Fetching:
                await FetchAsync();
                break;
            case RecordingPhase.Stored:
                await RequestAttachAsync();
                break;
            case RecordingPhase.Attaching:
                LogAttachAnswerOverdue(logger, Key, state.State.AttachAttempts);
                await SaveAsync(RecordingDecisions.AttachAnswerOverdue(state.State, now));
                break;
        }
    }

    private async Task FetchAsync()
    {
        var target = new NewRecording(NewRecording.NewId(), CallKey.Parse(Key).PortalId, Key, time.GetUtcNow());
        RecordingFetchResult fetched;
        try
        {
            fetched = await fetcher.FetchAsync(target, Request.Url!, Request.FileName, CancellationToken.None);
        }
        catch (Exception ex)
        {
            fetched = RecordingFetchResult.Retry($"storing the file failed: {ex.Message}");
        }

        if (fetched.Stored is { } stored)
        {
            metrics.Stored("url", stored.Size);
            LogFetched(logger, Key, stored.FileName, stored.Size, state.State.FetchAttempts + 1);
            await SaveAsync(RecordingDecisions.Fetched(state.State, stored, time.GetUtcNow()));
            return;
        }

        var next = RecordingDecisions.FetchFailed(state.State, fetched.Failure!, fetched.Transient, time.GetUtcNow(), options.Value, Random.Shared.NextDouble());
        if (next.Phase == RecordingPhase.Failed)
        {
            await EndAsync(next);
            return;
        }

        LogFetchRetry(logger, Key, Source, next.FetchAttempts, fetched.Failure, next.NextStepAt!.Value);
        await SaveAsync(next);
    }

    /// <summary>Step one of the two-step upload (reference §5.4): attachRecord with FILENAME only, through the dispatch.</summary>
    private async Task RequestAttachAsync()
    {
        var requestId = RecordingDecisions.NextAttachRequestId(Key, state.State);
        // Stored before it is queued: the answer may come back before EnqueueAsync returns.
        await SaveAsync(RecordingDecisions.AttachRequested(state.State, requestId, time.GetUtcNow(), options.Value));
        try
        {
            // The lane fills an unknown CALL_ID only while the dispatch remembers the lane; the call knows it for good.
            var callId = Request.Bitrix24CallId ?? await GrainFactory.GetGrain<ICallGrain>(Key).GetBitrix24CallIdAsync();
            await GrainFactory.GetGrain<IPortalDispatchGrain>(CallKey.Parse(Key).PortalId).EnqueueAsync(
                [RecordingRequests.AttachRecord(Key, requestId, state.State.Stored!, callId, this.GetGrainId(), Request.TraceParent)]);
        }
        catch (Exception ex)
        {
            await SaveAsync(RecordingDecisions.AttachFailed(state.State, $"queueing attachRecord failed: {ex.Message}", transient: true,
                time.GetUtcNow(), options.Value, Random.Shared.NextDouble()));
        }
    }

    /// <summary>The job is over, attached or given up: store that, say so, and delete the file.</summary>
    private async Task EndAsync(RecordingState end)
    {
        await SaveAsync(end);
        if (end.Phase == RecordingPhase.Attached)
        {
            metrics.Attached();
            LogAttached(logger, Key, end.Stored?.FileName, end.FileId);
        }
        else
        {
            metrics.Failed(end.Stored is null ? "fetch" : "attach");
            LogGaveUp(logger, Key, Source, end.LastError);
        }

        if (end.Stored is { } stored)
        {
            try
            {
                await store.DeleteAsync(stored.RecordingId, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogDeleteFailed(logger, Key, ex); // the retention sweep removes it later
            }
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
        _step?.Dispose();
        _step = null;
        if (!RecordingDecisions.IsRunning(state.State))
        {
            if (_reminder && await this.GetReminder(JobReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }

            _reminder = false;
            return;
        }

        var due = (state.State.NextStepAt ?? time.GetUtcNow()) - time.GetUtcNow();
        _step = this.RegisterGrainTimer(StepAsync, new GrainTimerCreationOptions(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        if (!_reminder)
        {
            var period = reminders.Value.MinimumReminderPeriod;
            await this.RegisterOrUpdateReminder(JobReminder, period, period);
            _reminder = true;
        }
    }

    /// <summary>A step's span continues the trace of the PBX event that made the recording ready.</summary>
    private Activity? StartActivity()
    {
        ActivityContext.TryParse(state.State.Request?.TraceParent, null, out var parent);
        var activity = GrainsActivitySource.Instance.StartActivity($"recording {state.State.Phase}", ActivityKind.Internal, parent);
        activity?.SetTag("telephonyhub.call", Key);
        return activity;
    }
}
