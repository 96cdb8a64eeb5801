using System.Diagnostics;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// The I/O of a recording job's steps, for the recording grain: the download into the store, the <c>attachRecord</c>
/// through the dispatch, the upload on Bitrix24's answer, and the end (metrics, the outcome logged, the file deleted).
/// Each step returns the state to store next (<see cref="RecordingOutcomes"/> decides); the grain stores it.
/// </summary>
/// <param name="logger">The recording grain's logger: these lines are the job's.</param>
public sealed partial class RecordingSteps(
    IRecordingStore store,
    RecordingFetcher fetcher,
    RecordingUploader uploader,
    IGrainFactory grains,
    RecordingOptions options,
    TimeProvider time,
    RecordingMetrics metrics,
    ILogger logger,
    string callKey)
{
    /// <summary>Downloads the file from the PBX's URL into the store (one attempt).</summary>
    public async Task<RecordingState> FetchAsync(RecordingState state)
    {
        var request = RequestOf(state);
        var target = new NewRecording(NewRecording.NewId(), CallKey.Parse(callKey).PortalId, callKey, time.GetUtcNow());
        RecordingFetchResult fetched;
        try
        {
            fetched = await fetcher.FetchAsync(target, request.Url!, request.FileName, CancellationToken.None);
        }
        catch (Exception ex)
        {
            fetched = RecordingFetchResult.Retry($"storing the file failed: {ex.Message}");
        }

        var next = RecordingOutcomes.AfterFetch(state, fetched, time.GetUtcNow(), options, Random.Shared.NextDouble());
        if (fetched.Stored is { } stored)
        {
            metrics.Stored("url", stored.Size);
            LogFetched(logger, callKey, stored.FileName, stored.Size, state.FetchAttempts + 1);
        }
        else if (RecordingDecisions.IsRunning(next))
        {
            LogFetchRetry(logger, callKey, SourceOf(state), next.FetchAttempts, fetched.Failure, next.NextStepAt!.Value);
        }

        return next;
    }

    /// <summary>
    /// Step one of the two-step upload (reference §5.4): queues the <c>attachRecord</c> (FILENAME only) that
    /// <paramref name="requested"/> (stored already) awaits. Null when queued; else the job's retry.
    /// </summary>
    public async Task<RecordingState?> QueueAttachAsync(RecordingState requested, GrainId replyTo)
    {
        try
        {
            // The lane fills an unknown CALL_ID only while the dispatch remembers the lane; the call knows it for good.
            var request = RequestOf(requested);
            var callId = request.Bitrix24CallId ?? await grains.GetGrain<ICallGrain>(callKey).GetBitrix24CallIdAsync();
            await grains.GetGrain<IPortalDispatchGrain>(CallKey.Parse(callKey).PortalId).EnqueueAsync(
                [RecordingRequests.AttachRecord(callKey, requested.AttachRequestId!, requested.Stored!, callId, replyTo, request.TraceParent)]);
            return null;
        }
        catch (Exception ex)
        {
            return RecordingDecisions.AttachFailed(requested, $"queueing attachRecord failed: {ex.Message}", transient: true,
                time.GetUtcNow(), options, Random.Shared.NextDouble());
        }
    }

    /// <summary>Bitrix24 answered the <c>attachRecord</c>: upload the file where it says (step two), or take its refusal.</summary>
    public async Task<RecordingState> OnAttachAnsweredAsync(RecordingState state, DispatchResult result)
    {
        if (RecordingOutcomes.AfterRefusal(state, result) is { } refused)
        {
            return refused;
        }

        var answer = (AttachRecordResult?)result.Value;
        var uploaded = answer is { IsUploadRequired: true }
            ? await uploader.UploadAsync(state.Stored!, answer, CancellationToken.None)
            : new RecordingUploadResult(answer?.FileId, null, false);
        var next = RecordingOutcomes.AfterUpload(state, uploaded, time.GetUtcNow(), options, Random.Shared.NextDouble());
        if (!uploaded.Succeeded && RecordingDecisions.IsRunning(next))
        {
            LogUploadRetry(logger, callKey, next.LastError, next.NextStepAt!.Value);
        }

        return next;
    }

    /// <summary>The job is over and stored, attached or given up: say so, and delete the file.</summary>
    public async Task EndAsync(RecordingState end)
    {
        if (end.Phase == RecordingPhase.Attached)
        {
            metrics.Attached();
            LogAttached(logger, callKey, end.Stored?.FileName, end.FileId);
        }
        else
        {
            metrics.Failed(end.Stored is null ? "fetch" : "attach");
            LogGaveUp(logger, callKey, SourceOf(end), end.LastError);
        }

        if (end.Stored is { } stored)
        {
            try
            {
                await store.DeleteAsync(stored.RecordingId, CancellationToken.None);
            }
            catch (Exception ex)
            {
                LogDeleteFailed(logger, callKey, ex); // the retention sweep removes it later
            }
        }
    }

    /// <summary>A step's span continues the trace of the PBX event that made the recording ready.</summary>
    public Activity? StartActivity(RecordingState state)
    {
        ActivityContext.TryParse(state.Request?.TraceParent, null, out var parent);
        var activity = GrainsActivitySource.Instance.StartActivity($"recording {state.Phase}", ActivityKind.Internal, parent);
        activity?.SetTag("telephonyhub.call", callKey);
        return activity;
    }

    private static RecordingAttachRequest RequestOf(RecordingState state) =>
        state.Request ?? throw new InvalidOperationException("A running job has its request.");

    private static string SourceOf(RecordingState state) =>
        RequestOf(state).Url?.GetLeftPart(UriPartial.Path) ?? "the PBX's upload"; // no query: it may hold a token
}
