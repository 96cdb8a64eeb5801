using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Recordings;

/// <summary>The dispatch request of a recording job: step one of the two-step <c>attachRecord</c>, on the call's lane.</summary>
public static class RecordingRequests
{
    /// <param name="callKey">The call's key: its lane, so the attach goes strictly after the call's finish.</param>
    /// <param name="requestId">New per attempt (<see cref="RecordingDecisions.NextAttachRequestId"/>).</param>
    /// <param name="bitrix24CallId">The CALL_ID when known; else the lane fills it in.</param>
    public static DispatchRequest AttachRecord(
        string callKey, string requestId, StoredRecording stored, string? bitrix24CallId, GrainId replyTo, string? traceParent) => new()
    {
        RequestId = requestId,
        Lane = callKey,
        ReplyTo = replyTo,
        Priority = DispatchPriority.CallRecord,
        // FILENAME alone: Bitrix24 answers with an upload URL (reference §5.4 mode 2). Never inside a batch.
        Request = AttachExternalCallRecord.ForUpload(bitrix24CallId, stored.FileName),
        TraceParent = traceParent,
    };
}
