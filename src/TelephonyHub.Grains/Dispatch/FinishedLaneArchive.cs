namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Lanes of finished calls, stored apart from the dispatch state (<see cref="LaneArchiving"/>): a busy portal finishes
/// thousands of calls within <see cref="DispatchOptions.FinishedLaneRetention"/>, and the dispatch state is stored
/// whole on every change, so carrying them there made every write grow with the portal's traffic (issue 7's profile:
/// a third of the process's CPU went to serializing lanes and pending lists on every write).
/// </summary>
[GenerateSerializer, Alias("dispatch-finished-lanes-v1")]
public sealed record FinishedLaneArchive
{
    [Id(0)] public ImmutableDictionary<string, DispatchLane> Lanes { get; init; } = ImmutableDictionary<string, DispatchLane>.Empty;
}
