namespace TelephonyHub.Abstractions.Recordings;

/// <summary>
/// Gets one call's recording into Bitrix24 (key: the call's key, <c>CallKey.For</c>): fetches a URL into the hub's
/// store (retrying with backoff), then attaches the stored file with the two-step <c>attachRecord</c> upload through
/// the portal's dispatch, on the call's lane. The call hands the job over only after its finish is queued, so the
/// attach always follows the finish (reference §5.4). The job survives silo restarts (state + reminder).
/// </summary>
public interface IRecordingGrain : IGrainWithStringKey
{
    /// <summary>Stores the job and starts it; idempotent by <see cref="RecordingAttachRequest.JobId"/>.</summary>
    Task AttachAsync(RecordingAttachRequest request);
}
