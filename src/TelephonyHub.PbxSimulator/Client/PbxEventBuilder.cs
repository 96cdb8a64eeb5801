using Google.Protobuf.WellKnownTypes;
using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Client;

/// <summary>Builds events the way a PBX does: a unique event id each, <c>occurred_at</c> from the simulator's clock.</summary>
public sealed class PbxEventBuilder(TimeProvider time)
{
    public PbxEvent InboundCall(string callId, string from, string? extension = null, string line = "", string to = "+4930555000") => Event(e =>
        e.CallStarted = new CallStarted
        {
            CallId = callId, Direction = CallDirection.Inbound, FromNumber = from, ToNumber = to, Extension = extension ?? "", LineNumber = line,
        });

    public PbxEvent OutboundCall(string callId, string extension, string to, string line = "", string originateRequestId = "") => Event(e =>
        e.CallStarted = new CallStarted
        {
            CallId = callId, Direction = CallDirection.Outbound, FromNumber = extension, ToNumber = to, Extension = extension,
            LineNumber = line, OriginateRequestId = originateRequestId,
        });

    public PbxEvent Ringing(string callId, IEnumerable<string> extensions) => Event(e =>
        e.CallRinging = new CallRinging { CallId = callId, Extensions = { extensions } });

    public PbxEvent Answered(string callId, string extension) => Event(e =>
        e.CallAnswered = new CallAnswered { CallId = callId, Extension = extension });

    public PbxEvent Transferred(string callId, string from, string to) => Event(e =>
        e.CallTransferred = new CallTransferred { CallId = callId, FromExtension = from, ToExtension = to });

    public PbxEvent Ended(string callId, CallOutcome outcome, int talkSeconds = 0, bool recordingPending = false) => Event(e =>
        e.CallEnded = new CallEnded { CallId = callId, Outcome = outcome, TalkSeconds = talkSeconds, RecordingPending = recordingPending });

    public PbxEvent RecordingReady(string callId, Uri url, string fileName) => Event(e =>
        e.RecordingReady = new RecordingReady { CallId = callId, Url = url.AbsoluteUri, FileName = fileName });

    public PbxEvent ExtensionState(string extension, ExtensionState state) => Event(e =>
        e.ExtensionStateChanged = new ExtensionStateChanged { Extension = extension, State = state });

    private PbxEvent Event(Action<PbxEvent> kind)
    {
        var evt = new PbxEvent { EventId = Guid.NewGuid().ToString("N"), OccurredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()) };
        kind(evt);
        return evt;
    }
}
