using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Abstractions.Dispatch;

/// <summary>A Bitrix24 request handed to a portal's dispatch, which stores it before sending it.</summary>
[GenerateSerializer, Immutable, Alias("dispatch-request-v1")]
public sealed record DispatchRequest
{
    /// <summary>Unique and deterministic per intent: enqueuing the same id twice sends it once.</summary>
    [Id(0)] public required string RequestId { get; init; }

    /// <summary>
    /// Requests of one lane (one call) are sent strictly in order, one at a time. The <c>CALL_ID</c> a lane's
    /// <c>register</c> returns fills the lane's later call-scoped requests whose <c>CALL_ID</c> is still empty.
    /// Null: no ordering with anything else.
    /// </summary>
    [Id(1)] public string? Lane { get; init; }

    [Id(2)] public required Bitrix24Request Request { get; init; }

    [Id(3)] public DispatchPriority Priority { get; init; } = DispatchPriority.CallRecord;

    /// <summary>The grain told of the result (an <see cref="IBitrix24ResultReceiver"/>), if any.</summary>
    [Id(4)] public GrainId? ReplyTo { get; init; }

    /// <summary>
    /// The W3C trace context of the work that asked for this request (a PBX event's trace), so the HTTP request that
    /// finally carries it — maybe minutes later, maybe in a batch — continues that trace.
    /// </summary>
    [Id(5)] public string? TraceParent { get; init; }
}
