using Google.Protobuf.WellKnownTypes;
using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Testing.Pbx;

/// <summary>Builds PBX events the way a PBX would: unique event ids, times from the test's clock.</summary>
public sealed class PbxEventFactory(TimeProvider time)
{
    public PbxEvent InboundCall(string callId, string from, string? extension = null, string line = "7") => Event(e =>
        e.CallStarted = new CallStarted
        {
            CallId = callId, Direction = CallDirection.Inbound, FromNumber = from, ToNumber = "+4930555000",
            Extension = extension ?? "", LineNumber = line,
        });

    public PbxEvent OutboundCall(string callId, string extension, string to, string? originateRequestId = null) => Event(e =>
        e.CallStarted = new CallStarted
        {
            CallId = callId, Direction = CallDirection.Outbound, FromNumber = extension, ToNumber = to,
            Extension = extension, OriginateRequestId = originateRequestId ?? "",
        });

    public PbxEvent Ringing(string callId, params string[] extensions) => Event(e =>
        e.CallRinging = new CallRinging { CallId = callId, Extensions = { extensions } });

    public PbxEvent Answered(string callId, string extension) => Event(e =>
        e.CallAnswered = new CallAnswered { CallId = callId, Extension = extension });

    public PbxEvent Transferred(string callId, string to, string? from = null) => Event(e =>
        e.CallTransferred = new CallTransferred { CallId = callId, ToExtension = to, FromExtension = from ?? "" });

    public PbxEvent Ended(string callId, CallOutcome outcome, int talkSeconds = 0, bool recordingPending = false, int sipCode = 0) => Event(e =>
        e.CallEnded = new CallEnded
        {
            CallId = callId, Outcome = outcome, TalkSeconds = talkSeconds, RecordingPending = recordingPending, SipCode = sipCode,
        });

    public PbxEvent EndedWithCost(string callId, int talkSeconds, double cost, string currency, bool recordingPending = false) => Event(e =>
        e.CallEnded = new CallEnded
        {
            CallId = callId, Outcome = CallOutcome.Answered, TalkSeconds = talkSeconds, Cost = cost, CostCurrency = currency,
            RecordingPending = recordingPending,
        });

    /// <summary>The header of an <c>UploadRecording</c> (its event id is fresh, like any event's).</summary>
    public RecordingUploadHeader RecordingUpload(string callId, string fileName, long totalSize, string contentType = "") => new()
    {
        EventId = Guid.NewGuid().ToString("N"),
        OccurredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
        CallId = callId,
        FileName = fileName,
        ContentType = contentType,
        TotalSize = totalSize,
    };

    public PbxEvent RecordingReady(string callId, Uri url, string? fileName = null) => Event(e =>
        e.RecordingReady = new RecordingReady { CallId = callId, Url = url.AbsoluteUri, FileName = fileName ?? "" });

    public PbxEvent ExtensionState(string extension, ExtensionState state) => Event(e =>
        e.ExtensionStateChanged = new ExtensionStateChanged { Extension = extension, State = state });

    private PbxEvent Event(Action<PbxEvent> kind)
    {
        var evt = new PbxEvent { EventId = Guid.NewGuid().ToString("N"), OccurredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        kind(evt);
        return evt;
    }
}
