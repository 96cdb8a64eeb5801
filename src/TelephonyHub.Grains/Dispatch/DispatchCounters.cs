namespace TelephonyHub.Grains.Dispatch;

[GenerateSerializer, Immutable, Alias("dispatch-counters-v1")]
public sealed record DispatchCounters
{
    /// <summary>Bitrix24 method calls that succeeded.</summary>
    [Id(0)] public long Sent { get; init; }

    /// <summary>HTTP requests made (a batch is one).</summary>
    [Id(1)] public long HttpRequests { get; init; }

    /// <summary>Method calls that failed transiently and were queued again.</summary>
    [Id(2)] public long Retried { get; init; }

    /// <summary>Method calls that failed for good.</summary>
    [Id(3)] public long Failed { get; init; }

    /// <summary>Method calls that went out inside a batch.</summary>
    [Id(4)] public long Batched { get; init; }

    /// <summary>Times the portal answered QUERY_LIMIT_EXCEEDED.</summary>
    [Id(5)] public long RejectedByLimit { get; init; }

    /// <summary>Card requests folded into an earlier one of their call (one show or hide with a USER_ID array).</summary>
    [Id(6)] public long Merged { get; init; }
}
