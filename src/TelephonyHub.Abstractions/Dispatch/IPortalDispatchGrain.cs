using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Abstractions.Dispatch;

/// <summary>
/// The one way to a portal's REST API (key: the portal id). Stores every request before sending it; sends each
/// lane in order; paces to the portal's leaky bucket (learned from <c>app.info</c>) and batches what is pending;
/// retries transient failures with backoff (portal-wide when the portal itself fails) and refreshes an expired token
/// once; reports results to the requester. Pending requests survive a silo restart and wake the dispatch through a
/// reminder.
/// </summary>
public interface IPortalDispatchGrain : IPortalPart
{
    /// <summary>Stores the requests (idempotent by request id) and starts sending; returns once they are stored.</summary>
    Task EnqueueAsync(ImmutableArray<DispatchRequest> requests);

    /// <summary>The portal can be called again (reinstalled): resume sending.</summary>
    Task ResumeAsync();

    [AlwaysInterleave]
    Task<DispatchStatus> GetStatusAsync();
}
