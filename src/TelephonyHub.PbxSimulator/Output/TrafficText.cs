using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Output;

/// <summary>Events, acknowledgements and commands in words, for transcripts and logs.</summary>
public static class TrafficText
{
    public static string Describe(PbxEvent evt) => evt.KindCase switch
    {
        PbxEvent.KindOneofCase.CallStarted => $"call {evt.CallStarted.CallId} {evt.CallStarted.Direction} from {evt.CallStarted.FromNumber} to {evt.CallStarted.ToNumber}"
            + (evt.CallStarted.Extension.Length > 0 ? $" extension {evt.CallStarted.Extension}" : "")
            + (evt.CallStarted.OriginateRequestId.Length > 0 ? $" (originate {evt.CallStarted.OriginateRequestId})" : ""),
        PbxEvent.KindOneofCase.CallRinging => $"call {evt.CallRinging.CallId} ringing at {string.Join(", ", evt.CallRinging.Extensions)}",
        PbxEvent.KindOneofCase.CallAnswered => $"call {evt.CallAnswered.CallId} answered at {evt.CallAnswered.Extension}",
        PbxEvent.KindOneofCase.CallTransferred => $"call {evt.CallTransferred.CallId} transferred {evt.CallTransferred.FromExtension} → {evt.CallTransferred.ToExtension}",
        PbxEvent.KindOneofCase.CallEnded => $"call {evt.CallEnded.CallId} ended {evt.CallEnded.Outcome}, talked {evt.CallEnded.TalkSeconds} s"
            + (evt.CallEnded.RecordingPending ? ", recording to follow" : ""),
        PbxEvent.KindOneofCase.RecordingReady => $"call {evt.RecordingReady.CallId} recording ready at {evt.RecordingReady.Url}",
        PbxEvent.KindOneofCase.ExtensionStateChanged => $"extension {evt.ExtensionStateChanged.Extension} is {evt.ExtensionStateChanged.State}",
        _ => "(empty event)",
    };

    public static string Describe(PbxEvent.KindOneofCase kind, EventAck ack) =>
        $"{kind} {ack.Status}" + (ack.Code != 0 ? $" code {ack.Code}" : "") + (ack.Message.Length > 0 ? $": {ack.Message}" : "");

    public static string Describe(PbxCommand command) => command.KindCase switch
    {
        PbxCommand.KindOneofCase.OriginateCall => $"extension {command.OriginateCall.Extension} → {command.OriginateCall.Number} (Bitrix24 call {command.OriginateCall.Bitrix24CallId})",
        PbxCommand.KindOneofCase.RingExtensions => $"call {command.RingExtensions.CallId}: ring {string.Join(", ", command.RingExtensions.Extensions)} for {command.RingExtensions.RingSeconds} s",
        PbxCommand.KindOneofCase.TransferCall => $"call {command.TransferCall.CallId} to extension {command.TransferCall.Extension}",
        PbxCommand.KindOneofCase.HangUpCall => $"call {command.HangUpCall.CallId} ({command.HangUpCall.Reason})",
        _ => "(unknown command)",
    } + $" [request {command.RequestId}]";
}
