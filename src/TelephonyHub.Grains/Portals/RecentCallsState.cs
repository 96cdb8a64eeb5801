using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

[GenerateSerializer, Alias("recent-calls-state-v1")]
public sealed record RecentCallsState
{
    /// <summary>Newest first, at most <see cref="RecentCallsGrain.Capacity"/>.</summary>
    [Id(0)] public ImmutableArray<FinishedCallSummary> Calls { get; init; } = [];
}
