using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// A recording job's state machine as plain functions: download (retried with backoff, bounded), store, ask Bitrix24
/// for an upload URL through the dispatch (asked again when the answer never comes), upload (retried while the
/// failure is transient), done or given up. The grain does the I/O and stores what these return.
/// </summary>
public static class RecordingDecisions
{
    private static readonly TimeSpan LongestAnswerWait = TimeSpan.FromDays(1);

    /// <summary>The job to run for <paramref name="request"/>, or null when there is nothing to do.</summary>
    /// <param name="why">Why nothing is done, when that is the answer.</param>
    public static RecordingState? Accept(RecordingState state, RecordingAttachRequest request, DateTimeOffset now, out string? why)
    {
        why = null;
        if (state.Request?.JobId == request.JobId)
        {
            why = $"job {request.JobId} is already {state.Phase}";
            return null;
        }

        if (state.Phase is RecordingPhase.Fetching or RecordingPhase.Stored or RecordingPhase.Attaching)
        {
            // Bitrix24 keeps one record per call; the call hands over one recording. A second one while the first
            // is on its way is a bug upstream, not a replacement.
            why = $"job {state.Request?.JobId} is still {state.Phase}";
            return null;
        }

        if (request.Stored is null && request.Url is null)
        {
            throw new ArgumentException("A recording job needs a URL or a stored file.", nameof(request));
        }

        return new RecordingState
        {
            Phase = request.Stored is null ? RecordingPhase.Fetching : RecordingPhase.Stored,
            Request = request,
            Stored = request.Stored,
            NextStepAt = now,
        };
    }

    /// <summary>The download went into the store: ask Bitrix24 for the upload now.</summary>
    public static RecordingState Fetched(RecordingState state, StoredRecording stored, DateTimeOffset now) => state with
    {
        Phase = RecordingPhase.Stored,
        Stored = stored,
        NextStepAt = now,
        LastError = null,
    };

    /// <summary>The download failed: try again after a backoff while attempts remain and the failure may pass.</summary>
    public static RecordingState FetchFailed(
        RecordingState state, string reason, bool transient, DateTimeOffset now, RecordingOptions options, double jitter)
    {
        var attempts = state.FetchAttempts + 1;
        if (!transient || attempts >= options.FetchMaxAttempts)
        {
            return GiveUp(state with { FetchAttempts = attempts }, transient ? $"{reason} (after {attempts} attempts)" : reason);
        }

        return state with
        {
            FetchAttempts = attempts,
            NextStepAt = now + Backoff(attempts, options.FetchRetryBaseDelay, options.FetchRetryMaxDelay, jitter),
            LastError = reason,
        };
    }

    /// <summary>The dispatch request id for the next <c>attachRecord</c> of this job: new per attempt.</summary>
    public static string NextAttachRequestId(string callKey, RecordingState state) =>
        $"{callKey}#recording#{state.Request?.JobId}#{state.AttachAttempts + 1}";

    /// <summary>The <c>attachRecord</c> is queued: wait for its answer, longer each time it has to be asked again.</summary>
    public static RecordingState AttachRequested(RecordingState state, string requestId, DateTimeOffset now, RecordingOptions options)
    {
        var attempts = state.AttachAttempts + 1;
        var wait = options.AttachResultTimeout * Math.Pow(2, Math.Min(attempts - 1, 16));
        return state with
        {
            Phase = RecordingPhase.Attaching,
            AttachAttempts = attempts,
            AttachRequestId = requestId,
            NextStepAt = now + (wait < LongestAnswerWait ? wait : LongestAnswerWait),
        };
    }

    /// <summary>The answer to the <c>attachRecord</c> never came (lost with a silo): ask again now.</summary>
    public static RecordingState AttachAnswerOverdue(RecordingState state, DateTimeOffset now) =>
        state.Phase == RecordingPhase.Attaching && state.NextStepAt <= now
            ? state with { Phase = RecordingPhase.Stored, AttachRequestId = null, NextStepAt = now, LastError = "no answer to attachRecord" }
            : state;

    /// <summary>True when <paramref name="requestId"/> is the <c>attachRecord</c> this job waits for.</summary>
    public static bool Awaits(RecordingState state, string requestId) =>
        state.Phase == RecordingPhase.Attaching && state.AttachRequestId == requestId;

    public static RecordingState Attached(RecordingState state, long? fileId) => state with
    {
        Phase = RecordingPhase.Attached,
        FileId = fileId,
        AttachRequestId = null,
        NextStepAt = null,
        LastError = null,
    };

    /// <summary>
    /// The attach failed: a transient failure (the upload broke, the upload URL expired) starts over with a new
    /// <c>attachRecord</c> after a backoff; anything else gives up.
    /// </summary>
    public static RecordingState AttachFailed(
        RecordingState state, string reason, bool transient, DateTimeOffset now, RecordingOptions options, double jitter) => transient
        ? state with
        {
            Phase = RecordingPhase.Stored,
            AttachRequestId = null,
            NextStepAt = now + Backoff(state.AttachAttempts, options.FetchRetryBaseDelay, options.FetchRetryMaxDelay, jitter),
            LastError = reason,
        }
        : GiveUp(state, reason);

    public static RecordingState GiveUp(RecordingState state, string reason) => state with
    {
        Phase = RecordingPhase.Failed,
        AttachRequestId = null,
        NextStepAt = null,
        LastError = reason,
    };

    /// <summary>True while the job has work left (and needs its reminder).</summary>
    public static bool IsRunning(RecordingState state) =>
        state.Phase is RecordingPhase.Fetching or RecordingPhase.Stored or RecordingPhase.Attaching;

    /// <summary>Exponential from <paramref name="baseDelay"/> per attempt, capped, with ±20 % jitter (<paramref name="jitter"/> in [0, 1)).</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan baseDelay, TimeSpan maxDelay, double jitter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * jitter)));
    }
}
