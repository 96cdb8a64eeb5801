using Google.Protobuf.WellKnownTypes;
using TelephonyHub.Abstractions.Pbx;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>Maps hub commands to the wire and the PBX's acknowledgements back.</summary>
public static class PbxCommandMapper
{
    public static Proto.PbxCommand ToProto(PbxCommandEnvelope envelope)
    {
        var command = new Proto.PbxCommand
        {
            RequestId = envelope.RequestId,
            IssuedAt = Timestamp.FromDateTimeOffset(envelope.IssuedAt),
        };
        switch (envelope.Command)
        {
            case OriginateCallCommand originate:
                command.OriginateCall = new Proto.OriginateCall
                {
                    Extension = originate.Extension,
                    Number = originate.Number,
                    LineNumber = originate.LineNumber ?? "",
                    Bitrix24CallId = originate.Bitrix24CallId ?? "",
                    Announcement = originate.Announcement ?? "",
                    AnnouncementVoice = originate.AnnouncementVoice ?? "",
                };
                break;
            case RingExtensionsCommand ring:
                command.RingExtensions = new Proto.RingExtensions { CallId = ring.PbxCallId, RingSeconds = ring.RingSeconds };
                command.RingExtensions.Extensions.AddRange(ring.Extensions);
                break;
            case TransferCallCommand transfer:
                command.TransferCall = new Proto.TransferCall { CallId = transfer.PbxCallId, Extension = transfer.Extension };
                break;
            case HangUpCallCommand hangUp:
                command.HangUpCall = new Proto.HangUpCall { CallId = hangUp.PbxCallId, Reason = hangUp.Reason };
                break;
            default:
                throw new InvalidOperationException($"No wire form for {envelope.Command.GetType().Name}.");
        }

        return command;
    }

    /// <exception cref="InvalidPbxEventException">The acknowledgement names no command or no status.</exception>
    public static PbxCommandAck FromProto(Proto.CommandAck ack)
    {
        if (string.IsNullOrWhiteSpace(ack.RequestId))
        {
            throw new InvalidPbxEventException("command_ack.request_id", "is required");
        }

        var status = ack.Status switch
        {
            Proto.CommandAckStatus.Accepted => PbxCommandAckStatus.Accepted,
            Proto.CommandAckStatus.Rejected => PbxCommandAckStatus.Rejected,
            _ => throw new InvalidPbxEventException("command_ack.status", "must be ACCEPTED or REJECTED"),
        };
        return new PbxCommandAck
        {
            RequestId = ack.RequestId,
            Status = status,
            Reason = string.IsNullOrWhiteSpace(ack.Reason) ? null : ack.Reason,
            PbxCallId = string.IsNullOrWhiteSpace(ack.CallId) ? null : ack.CallId,
        };
    }
}
