using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Decides what a portal's dispatch sends next. Each lane (call) sends its requests strictly in order, one at a
/// time, so a hide can never overtake its show and a finish never precedes its register; consecutive shows (or
/// hides) of a lane travel as one request with a USER_ID array (reference §5.2). Across lanes, live cards go first,
/// then records, then housekeeping, up to one batch of 50; the rate budget and the portal-wide backoff decide when,
/// and once the bucket is getting used, batches wait a little to fill (<see cref="DispatchOptions.EagerBucketShare"/>).
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
        var byLane = state.Queue.Where(q => q.Request.Lane is not null).GroupBy(q => q.Request.Lane!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
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
                    byLane[droppedLane].Remove(item);
                }

                continue;
            }

            var availableAt = AvailableAt(state, item);
            if (availableAt > now)
            {
                wakeAt = Min(wakeAt, availableAt);
                continue;
            }

            ready.Add(item.Request.Lane is { } key ? Merge(state, prepared, byLane[key], now) : prepared);
        }

        state = state with { Queue = queue };
        if (ready.Count == 0)
        {
            return new DispatchPlan(state, compacted, dropped.ToImmutable(), [], wakeAt);
        }

        // The portal failed whole requests lately (unreachable, 5xx, bucket full): one request after the backoff
        // probes it for everybody.
        if (state.BackoffUntil is { } backoff && backoff > now)
        {
            return new DispatchPlan(state, compacted, dropped.ToImmutable(), [], backoff);
        }

        var ordered = ready.OrderBy(p => p.Item.Request.Priority).ThenBy(p => p.Item.Sequence).ToList();
        var wait = budget.WaitFor(ordered[0].Item.Request.Priority, now);
        if (wait > TimeSpan.Zero)
        {
            return new DispatchPlan(state, compacted, dropped.ToImmutable(), [], Min(wakeAt, now + wait));
        }

        // One HTTP request either way: a batch led by a live card carries whatever else is ready.
        var send = IsBatchable(ordered[0])
            ? ordered.Where(IsBatchable).Take(options.BatchSize).ToImmutableArray()
            : [ordered[0]];
        if (IsBatchable(ordered[0]) && send.Length < options.BatchSize && !budget.HasRoom(options.EagerBucketShare, now)
            && send.Min(p => p.Item.NotBefore + Linger(p.Item.Request.Priority, options)) is var due && due > now)
        {
            // The bucket is getting used: let the batch fill until its oldest request has waited long enough.
            return new DispatchPlan(state, compacted, dropped.ToImmutable(), [], Min(wakeAt, due));
        }

        return new DispatchPlan(state, compacted, dropped.ToImmutable(), send, null);
    }

    private static TimeSpan Linger(DispatchPriority priority, DispatchOptions options) =>
        priority == DispatchPriority.LiveCard ? options.CardLinger : options.RecordLinger;

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

    /// <summary>
    /// Folds the lane's next shows into a show (or hides into a hide) for all their users: the same screens change, in
    /// the same order relative to everything else of the call, with one command instead of several. A card request
    /// without users (meaning "the registered user") keeps its own command.
    /// </summary>
    private static PreparedRequest Merge(DispatchState state, PreparedRequest head, List<QueuedRequest> lane, DateTimeOffset now)
    {
        if (!IsMergeable(head.Request, head.Request.GetType()))
        {
            return head;
        }

        var merged = ImmutableArray.CreateBuilder<QueuedRequest>();
        var users = UsersOf(head.Request).ToList();
        foreach (var next in lane.SkipWhile(q => q.Sequence != head.Item.Sequence).Skip(1))
        {
            if (!IsMergeable(next.Request.Request, head.Request.GetType()) || next.SendAlone || AvailableAt(state, next) > now)
            {
                break;
            }

            merged.Add(next);
            users.AddRange(UsersOf(next.Request.Request).Except(users));
        }

        if (merged.Count == 0)
        {
            return head;
        }

        ImmutableArray<long> all = [.. users];
        Bitrix24Request request = head.Request switch
        {
            ShowExternalCall show => show with { UserIds = all },
            HideExternalCall hide => hide with { UserIds = all },
            _ => head.Request,
        };
        return head with { Request = request, Merged = merged.ToImmutable() };
    }

    private static bool IsMergeable(Bitrix24Request request, Type kind) =>
        request.GetType() == kind && request is ShowExternalCall { UserIds.IsEmpty: false } or HideExternalCall { UserIds.IsEmpty: false };

    private static ImmutableArray<long> UsersOf(Bitrix24Request request) => request switch
    {
        ShowExternalCall show => show.UserIds,
        HideExternalCall hide => hide.UserIds,
        _ => [],
    };

    private static DateTimeOffset AvailableAt(DispatchState state, QueuedRequest item) =>
        Max(item.NotBefore, state.BlockedMethods.GetValueOrDefault(item.Request.Request.Method.ToLowerInvariant()));

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

    // Uploads carry whole recordings: never inside a batch (reference §5.4, "Upload via batch is not allowed").
    private static bool IsBatchable(PreparedRequest prepared) => prepared.Request is not AttachExternalCallRecord && !prepared.Item.SendAlone;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;
}
