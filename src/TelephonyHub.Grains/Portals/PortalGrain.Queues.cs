using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Portals;

/// <summary>The portal's call queues (<see cref="IPortalQueuesGrain"/>): the same grain, its queue face.</summary>
public sealed partial class PortalGrain : IPortalQueuesGrain
{
    Task<ImmutableArray<QueueDefinition>> IPortalQueuesGrain.GetQueuesAsync() => Task.FromResult(PortalQueues.Ordered(state.State));

    async Task<QueueSaveResult> IPortalQueuesGrain.SaveQueueAsync(QueueDefinition queue)
    {
        var (next, result) = PortalQueues.Save(state.State, queue);
        if (!result.IsSaved)
        {
            LogQueueRefused(logger, PortalId, queue.LineNumber, string.Join(" ", result.Errors));
            return result;
        }

        state.State = next;
        await state.WriteStateAsync();
        LogQueueSaved(logger, PortalId, queue.LineNumber, queue.Mode, queue.Members.Length);
        return result;
    }

    async Task<bool> IPortalQueuesGrain.RemoveQueueAsync(string lineNumber)
    {
        var (next, removed) = PortalQueues.Remove(state.State, lineNumber);
        if (removed)
        {
            state.State = next;
            await state.WriteStateAsync();
            LogQueueRemoved(logger, PortalId, lineNumber);
        }

        return removed;
    }

    Task<CallQueue?> IPortalQueuesGrain.GetQueueForLineAsync(string? lineNumber) =>
        Task.FromResult(PortalQueues.ForLine(state.State, lineNumber));
}
