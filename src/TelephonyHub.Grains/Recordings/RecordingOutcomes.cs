using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// What a step's outcome makes of a recording job, on top of <see cref="RecordingDecisions"/>: a download stored or
/// failed, Bitrix24's answer to the <c>attachRecord</c>, an upload done or failed. A job that is no longer running
/// (<see cref="RecordingDecisions.IsRunning"/>) is over: attached, or given up.
/// </summary>
public static class RecordingOutcomes
{
    /// <param name="jitter">In [0, 1): spreads the retries of jobs that failed together.</param>
    public static RecordingState AfterFetch(RecordingState state, RecordingFetchResult fetched, DateTimeOffset now, RecordingOptions options, double jitter) =>
        fetched.Stored is { } stored
            ? RecordingDecisions.Fetched(state, stored, now)
            : RecordingDecisions.FetchFailed(state, fetched.Failure!, fetched.Transient, now, options, jitter);

    /// <summary>
    /// Bitrix24 refused the <c>attachRecord</c>: the dispatch retried what could pass, so this is final (e.g. the call
    /// was never registered). Null when it did not: the upload comes next, if Bitrix24 asks for one.
    /// </summary>
    public static RecordingState? AfterRefusal(RecordingState state, DispatchResult result) =>
        result.Error is { } error
            ? RecordingDecisions.GiveUp(state, $"Bitrix24 refused attachRecord: {error.Code} {error.Description}".Trim())
            : null;

    /// <param name="jitter">In [0, 1): spreads the retries of jobs that failed together.</param>
    public static RecordingState AfterUpload(RecordingState state, RecordingUploadResult uploaded, DateTimeOffset now, RecordingOptions options, double jitter) =>
        uploaded.Succeeded
            ? RecordingDecisions.Attached(state, uploaded.FileId)
            : RecordingDecisions.AttachFailed(state, uploaded.Failure!, uploaded.Transient, now, options, jitter);
}
