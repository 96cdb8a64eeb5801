namespace TelephonyHub.Grains.Dispatch;

/// <summary>A portal's dispatch as stored: the requests not yet done, the lanes, and why it is paused, if it is.</summary>
[GenerateSerializer, Alias("dispatch-state-v1")]
public sealed record DispatchState
{
    /// <summary>Pending requests in arrival order.</summary>
    [Id(0)] public ImmutableList<QueuedRequest> Queue { get; init; } = [];

    [Id(1)] public ImmutableDictionary<string, DispatchLane> Lanes { get; init; } = ImmutableDictionary<string, DispatchLane>.Empty;

    /// <summary>Recently seen ids of requests without a lane (bounded).</summary>
    [Id(2)] public ImmutableArray<string> SeenUnlanedIds { get; init; } = [];

    [Id(3)] public long NextSequence { get; init; }

    /// <summary>Why nothing is sent (the portal needs a reinstall); null while sending.</summary>
    [Id(4)] public string? PausedBecause { get; init; }

    /// <summary>Methods blocked by OPERATION_TIME_LIMIT until the given time (reference §2.2).</summary>
    [Id(5)] public ImmutableDictionary<string, DateTimeOffset> BlockedMethods { get; init; } = ImmutableDictionary<string, DateTimeOffset>.Empty;

    [Id(6)] public DispatchCounters Counters { get; init; } = new();

    [Id(7)] public string? LastError { get; init; }

    /// <summary>The portal's bucket learned from <c>app.info</c>; null until then (the configured default applies).</summary>
    [Id(10)] public PortalBucket? Bucket { get; init; }

    /// <summary>Per lower-case method: its execution-time budget as last reported by the portal (reference §2.2).</summary>
    [Id(11)] public ImmutableDictionary<string, MethodBudget> MethodBudgets { get; init; } = ImmutableDictionary<string, MethodBudget>.Empty;

    /// <summary>HTTP requests in a row the portal failed as a whole: unreachable, 5xx, QUERY_LIMIT_EXCEEDED.</summary>
    [Id(12)] public int ConsecutiveFailures { get; init; }

    /// <summary>After such failures nothing is sent before this time (portal-wide backoff with jitter).</summary>
    [Id(13)] public DateTimeOffset? BackoffUntil { get; init; }

    /// <summary>The lanes that still have requests queued: they stay where they are, whatever else their lane says.</summary>
    public HashSet<string> LanesWithQueuedRequests() => Queue.Select(q => q.Request.Lane).OfType<string>().ToHashSet(StringComparer.Ordinal);
}
