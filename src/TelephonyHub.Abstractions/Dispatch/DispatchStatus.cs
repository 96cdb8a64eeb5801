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
}
