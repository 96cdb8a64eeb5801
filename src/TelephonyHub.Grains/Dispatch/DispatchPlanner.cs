using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Decides what a portal's dispatch sends next. Each lane (call) sends its requests strictly in order, one at a
/// time, so a hide can never overtake its show and a finish never precedes its register. Across lanes, live cards
/// go first, then records, then housekeeping, up to one batch of 50; the rate budget decides when.
/// </summary>
public static class DispatchPlanner
{
    public static DispatchPlan Plan(DispatchState state, DateTimeOffset now, RateBudget budget, DispatchOptions options)
    {
        if (state.PausedBecause is not null)
        {
            return new DispatchPlan(state, [], [], [], null);
        }

        (state, var compacted) = LaneCompaction.Compact(state);
        var dropped = ImmutableArray.CreateBuilder<DispatchNotice>();
        var ready = new List<PreparedRequest>();
        var wakeAt = (DateTimeOffset?)null;
        var lanesSeen = new HashSet<string>(StringComparer.Ordinal);
        var queue = state.Queue;

        foreach (var item in state.Queue)
        {
            if (item.Request.Lane is { } lane && !lanesSeen.Add(lane))
            {
                continue; // not the head of its lane
            }

            if (Prepare(state, item) is not { } prepared)
            {
                queue = queue.Remove(item);
                dropped.Add(Unsendable(state, item));
                if (item.Request.Lane is { } droppedLane)
                {
                    lanesSeen.Remove(droppedLane); // the lane's next request becomes its head
                }

                continue;
            }

            var availableAt = Max(item.NotBefore, state.BlockedMethods.GetValueOrDefault(item.Request.Request.Method.ToLowerInvariant()));
            if (availableAt > now)
            {
                wakeAt = Min(wakeAt, availableAt);
                continue;
            }

            ready.Add(prepared);
        }

        state = state with { Queue = queue };
        if (ready.Count == 0)
        {
            return new DispatchPlan(state, compacted, dropped.ToImmutable(), [], wakeAt);
        }

        var ordered = ready.OrderBy(p => p.Item.Request.Priority).ThenBy(p => p.Item.Sequence).ToList();
        var wait = budget.WaitFor(ordered[0].Item.Request.Priority, now);
        if (wait > TimeSpan.Zero)
        {
            return new DispatchPlan(state, compacted, dropped.ToImmutable(), [], Min(wakeAt, now + wait));
        }

        // Uploads carry whole recordings: never inside a batch (reference §5.4, "Upload via batch is not allowed").
        var send = IsBatchable(ordered[0].Request)
            ? ordered.Where(p => IsBatchable(p.Request)).Take(options.BatchSize).ToImmutableArray()
            : [ordered[0]];
        return new DispatchPlan(state, compacted, dropped.ToImmutable(), send, null);
    }

    /// <summary>The request with its lane's CALL_ID filled in; null when it can never be sent.</summary>
    private static PreparedRequest? Prepare(DispatchState state, QueuedRequest item)
    {
        if (item.Request.Request is not ICallScopedRequest { CallId: null } scoped)
        {
            return new PreparedRequest(item, item.Request.Request);
        }

        var lane = item.Request.Lane is { } key ? state.Lanes.GetValueOrDefault(key) : null;
        return lane?.Bitrix24CallId is { } callId ? new PreparedRequest(item, scoped.WithCallId(callId)) : null;
    }

    private static DispatchNotice Unsendable(DispatchState state, QueuedRequest item)
    {
        var lane = item.Request.Lane is { } key ? state.Lanes.GetValueOrDefault(key) : null;
        return new DispatchNotice(item.Request.ReplyTo, new DispatchResult
        {
            RequestId = item.Request.RequestId,
            Request = item.Request.Request,
            Error = new Bitrix24Error
            {
                Kind = Bitrix24ErrorKind.Validation,
                Description = lane?.FailedBecause is { } why
                    ? $"The call was never registered in Bitrix24 ({why}), so there is no CALL_ID for {item.Request.Request.Method}."
                    : $"No CALL_ID for {item.Request.Request.Method}: nothing in its lane registered the call.",
            },
        });
    }

    private static bool IsBatchable(Bitrix24Request request) => request is not AttachExternalCallRecord;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;
}
