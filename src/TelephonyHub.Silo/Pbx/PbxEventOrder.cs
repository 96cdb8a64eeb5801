using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// Which events of a stream must be applied in order: those of the same call (proto: "Events of one call are applied
/// in the order they are sent"), and extension states among themselves. Anything else may run side by side.
/// </summary>
public static class PbxEventOrder
{
    public static string KeyOf(Proto.PbxEvent evt) => evt.KindCase switch
    {
        Proto.PbxEvent.KindOneofCase.CallStarted => Call(evt.CallStarted.CallId),
        Proto.PbxEvent.KindOneofCase.CallRinging => Call(evt.CallRinging.CallId),
        Proto.PbxEvent.KindOneofCase.CallAnswered => Call(evt.CallAnswered.CallId),
        Proto.PbxEvent.KindOneofCase.CallTransferred => Call(evt.CallTransferred.CallId),
        Proto.PbxEvent.KindOneofCase.CallEnded => Call(evt.CallEnded.CallId),
        Proto.PbxEvent.KindOneofCase.RecordingReady => Call(evt.RecordingReady.CallId),
        Proto.PbxEvent.KindOneofCase.ExtensionStateChanged => "extensions",
        _ => "malformed",
    };

    private static string Call(string callId) => $"call:{callId}";
}
