namespace TelephonyHub.Abstractions.Dispatch;

/// <summary>A portal's dispatch at a glance.</summary>
[GenerateSerializer, Immutable, Alias("dispatch-status-v1")]
public sealed record DispatchStatus
{
    [Id(0)] public required int Pending { get; init; }

    [Id(1)] public DateTimeOffset? OldestPendingSince { get; init; }

    /// <summary>Why nothing is being sent, if nothing is (e.g. the portal needs a reinstall).</summary>
    [Id(2)] public string? PausedBecause { get; init; }

    [Id(3)] public required long Sent { get; init; }

    [Id(4)] public required long HttpRequests { get; init; }

    [Id(5)] public required long Retried { get; init; }

    [Id(6)] public required long Failed { get; init; }

    /// <summary>The last error the portal answered, for the settings page.</summary>
    [Id(7)] public string? LastError { get; init; }

    /// <summary>Method calls that went out inside a <c>batch</c>.</summary>
    [Id(8)] public long Batched { get; init; }

    /// <summary>HTTP requests the portal refused with <c>QUERY_LIMIT_EXCEEDED</c>.</summary>
    [Id(9)] public long RejectedByLimit { get; init; }

    /// <summary>The portal's leaky bucket the dispatch paces to: burst size (reference §2.1).</summary>
    [Id(10)] public int BucketCapacity { get; init; }

    /// <summary>The bucket's drain rate, requests per second.</summary>
    [Id(11)] public double BucketDrainPerSecond { get; init; }

    /// <summary>The portal's plan (<c>LICENSE_FAMILY</c> from <c>app.info</c>), once learned.</summary>
    [Id(12)] public string? LicenseFamily { get; init; }

    /// <summary>The portal failed whole requests lately (unreachable, 5xx, rate limit): nothing is sent before this.</summary>
    [Id(13)] public DateTimeOffset? BackingOffUntil { get; init; }
}
