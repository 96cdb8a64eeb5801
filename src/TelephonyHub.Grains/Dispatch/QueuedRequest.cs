using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>A stored request and what the dispatch knows about sending it.</summary>
[GenerateSerializer, Immutable, Alias("dispatch-queued-request-v1")]
public sealed record QueuedRequest
{
    [Id(0)] public required DispatchRequest Request { get; init; }

    /// <summary>Arrival order across the whole portal; lanes are sent in this order.</summary>
    [Id(1)] public required long Sequence { get; init; }

    [Id(2)] public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Failed sends so far (transient failures only; a permanent one removes the request).</summary>
    [Id(3)] public int Attempts { get; init; }

    /// <summary>Backoff: not sent before this time.</summary>
    [Id(4)] public DateTimeOffset NotBefore { get; init; }

    [Id(5)] public string? LastError { get; init; }

    /// <summary>
    /// Send it as its own HTTP request, never inside a batch: the portal refused a whole batch it was in (a malformed
    /// batch must not take every call in it down), so this request's own answer decides its fate.
    /// </summary>
    [Id(6)] public bool SendAlone { get; init; }
}
