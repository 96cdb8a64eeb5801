namespace TelephonyHub.Abstractions.Queues;

/// <summary>
/// A call being offered to queue members (the call grain, key: the call key). The presence grain tells it when a
/// member it is offered to can no longer take it, so the queue moves on at once instead of ringing out the step.
/// </summary>
public interface IQueuedCallGrain : IGrainWithStringKey
{
    /// <summary>One-way: presence never waits on a call. A notice for a member not offered now is ignored.</summary>
    [OneWay]
    Task OnOperatorUnavailableAsync(long userId);
}
