using Grpc.Core;
using TelephonyHub.Abstractions.Calls;
using Proto = TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Silo.Pbx;

/// <summary>Maps what became of an event to the PBX's acknowledgement and, for unary calls, to a gRPC status.</summary>
public static class EventAcks
{
    /// <summary>Why an event failed for a reason of the hub's own (storage, a grain): the PBX resends it (UNAVAILABLE).</summary>
    public const string CouldNotApply = "The hub could not apply the event now; resend it.";

    public static Proto.EventAck From(string eventId, EventOutcome outcome) => new()
    {
        EventId = eventId,
        Status = outcome.Verdict switch
        {
            EventVerdict.Applied => Proto.EventAckStatus.Applied,
            EventVerdict.Duplicate => Proto.EventAckStatus.Duplicate,
            EventVerdict.Ignored => Proto.EventAckStatus.Ignored,
            _ => Proto.EventAckStatus.Rejected,
        },
        Code = outcome.Verdict == EventVerdict.Rejected ? (int)StatusCodeFor(outcome.Rejection) : 0,
        Message = outcome.Message ?? "",
    };

    public static Proto.EventAck Rejected(string eventId, StatusCode code, string message) => new()
    {
        EventId = eventId,
        Status = Proto.EventAckStatus.Rejected,
        Code = (int)code,
        Message = message,
    };

    /// <summary>The answer to an event refused because the silo is full: resend it later (proto: UNAVAILABLE).</summary>
    public static Proto.EventAck Overloaded(string eventId) =>
        Rejected(eventId, StatusCode.Unavailable, "The hub is at capacity; resend the event later.");

    public static StatusCode StatusCodeFor(EventRejection? rejection) => rejection switch
    {
        EventRejection.InvalidArgument => StatusCode.InvalidArgument,
        EventRejection.NotFound => StatusCode.NotFound,
        EventRejection.FailedPrecondition => StatusCode.FailedPrecondition,
        _ => StatusCode.Unknown,
    };
}
