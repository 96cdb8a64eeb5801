namespace TelephonyHub.Abstractions.Portals;

/// <summary>The portal's last finished calls, newest first, for its settings page (key: the portal id).</summary>
public interface IRecentCallsGrain : IPortalPart
{
    /// <summary>One-way: a finishing call never waits on the list.</summary>
    [OneWay]
    Task RecordAsync(FinishedCallSummary call);

    [ReadOnly]
    Task<ImmutableArray<FinishedCallSummary>> GetAsync();
}
