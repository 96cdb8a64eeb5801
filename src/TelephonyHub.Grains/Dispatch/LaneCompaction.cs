using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Scenario 6: when a call's finish is already queued, the call is over — a card shown now would pop up for a
/// call nobody can take. So its pending register goes without a card (<c>SHOW=0</c>, still with its real start
/// time), its pending shows are dropped, and so are its hides unless a card may already be on someone's screen.
/// A CRM lookup with anything queued behind it on its lane is dropped too: a call only enqueues more after its lookup
/// answered, timed out or was overtaken by the PBX (<c>CrmRoutingDecisions</c>), so nobody waits for it any more — after
/// an outage the replay sends the call's record, not a search whose answer would be thrown away.
/// </summary>
public static class LaneCompaction
{
    public static (DispatchState State, ImmutableArray<QueuedRequest> Dropped) Compact(DispatchState state)
    {
        var over = state.Queue
            .Where(q => q.Request.Lane is not null && q.Request.Request is FinishExternalCall)
            .Select(q => q.Request.Lane!)
            .ToHashSet(StringComparer.Ordinal);
        var supersededLookups = SupersededLookups(state.Queue);
        if (over.Count == 0 && supersededLookups.Count == 0)
        {
            return (state, []);
        }

        var dropped = ImmutableArray.CreateBuilder<QueuedRequest>();
        var queue = ImmutableList.CreateBuilder<QueuedRequest>();
        foreach (var item in state.Queue)
        {
            if (supersededLookups.Contains(item.Sequence))
            {
                dropped.Add(item);
                continue;
            }

            if (item.Request.Lane is not { } lane || !over.Contains(lane))
            {
                queue.Add(item);
                continue;
            }

            var cardsShown = state.Lanes.TryGetValue(lane, out var info) && info.CardsShown;
            switch (item.Request.Request)
            {
                case ShowExternalCall:
                case HideExternalCall when !cardsShown:
                    dropped.Add(item);
                    break;
                case RegisterExternalCall { Show: true } register:
                    // Now a record, not a card: it waits behind the cards of live calls when the bucket runs low.
                    queue.Add(item with { Request = item.Request with { Request = register with { Show = false }, Priority = DispatchPriority.CallRecord } });
                    break;
                default:
                    queue.Add(item);
                    break;
            }
        }

        return (state with { Queue = queue.ToImmutable() }, dropped.ToImmutable());
    }

    private static HashSet<long> SupersededLookups(ImmutableList<QueuedRequest> queue)
    {
        var lanesWithLater = new HashSet<string>(StringComparer.Ordinal);
        var superseded = new HashSet<long>();
        for (var i = queue.Count - 1; i >= 0; i--)
        {
            if (queue[i].Request.Lane is not { } lane)
            {
                continue;
            }

            if (queue[i].Request.Request is SearchCrmEntities or ListDeals && lanesWithLater.Contains(lane))
            {
                superseded.Add(queue[i].Sequence);
            }

            lanesWithLater.Add(lane);
        }

        return superseded;
    }
}
