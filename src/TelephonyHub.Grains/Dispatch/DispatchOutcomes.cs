using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Apps;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Applies what the portal answered to the dispatch's state. A request that failed as a whole (unreachable, 5xx,
/// QUERY_LIMIT_EXCEEDED) backs off the whole portal; a batch the portal refused sends its commands one by one. Per
/// command: successes leave the queue and teach their lane (a register's CALL_ID), transient failures wait with
/// backoff, OPERATION_TIME_LIMIT blocks the method, permanent failures leave the queue with their error — and a
/// failed register takes its call's dependent requests with it. Access lost for good (revoked app, dead token) pauses
/// the whole portal with everything kept.
/// </summary>
public static class DispatchOutcomes
{
    public sealed record Applied(DispatchState State, ImmutableArray<DispatchNotice> Results, bool LimitHit);

    /// <param name="jitter">A random number in [0, 1) that spreads retries (±20 %).</param>
    public static Applied Apply(DispatchState state, Transmission transmission, DateTimeOffset now, DispatchOptions options, double jitter)
    {
        var results = ImmutableArray.CreateBuilder<DispatchNotice>();
        var limitHit = false;
        if (transmission.RequestError is { } failure)
        {
            (state, limitHit) = RequestFailed(state, transmission, failure, now, options, jitter);
        }
        else
        {
            state = state with { ConsecutiveFailures = 0, BackoffUntil = null };
            foreach (var outcome in transmission.Outcomes)
            {
                state = MethodBudgets.Observe(state, outcome.Sent.Request.Method, outcome.Timing, now, options);
                state = outcome.Error is { } error
                    ? CommandFailed(state, outcome.Sent, error, now, options, jitter, results)
                    : Succeeded(state, outcome.Sent, outcome.Value, now, results);
            }
        }

        return new Applied(PruneLanes(MethodBudgets.Prune(state, now), now, options), results.ToImmutable(), limitHit);
    }

    /// <summary>Exponential backoff from the base delay, capped, with ±20 % jitter (<paramref name="jitter"/> in [0, 1)).</summary>
    public static TimeSpan Backoff(int attempts, DispatchOptions options, double jitter)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * jitter)));
    }

    private static (DispatchState, bool LimitHit) RequestFailed(
        DispatchState state, Transmission transmission, Bitrix24Error failure, DateTimeOffset now, DispatchOptions options, double jitter)
    {
        state = state with { LastError = Describe(transmission.Outcomes.Length == 1 ? transmission.Outcomes[0].Sent.Request.Method : "batch", failure) };
        var items = transmission.Outcomes.SelectMany(o => o.Sent.Items).ToList();
        switch (failure.Kind)
        {
            case Bitrix24ErrorKind.InvalidToken or Bitrix24ErrorKind.AppRevoked:
                return (Pause(state, failure), false);
            case Bitrix24ErrorKind.QueryLimitExceeded or Bitrix24ErrorKind.Transient or Bitrix24ErrorKind.ExpiredToken
                or Bitrix24ErrorKind.NotExecuted:
                // The portal, not the request, is the problem: pause the portal, keep every request as it is, and let
                // the next request after the pause carry them all.
                var failures = state.ConsecutiveFailures + 1;
                state = Requeue(state, items, q => q with { Attempts = q.Attempts + 1, LastError = failure.Description });
                var limit = failure.Kind == Bitrix24ErrorKind.QueryLimitExceeded;
                return (state with
                {
                    ConsecutiveFailures = failures,
                    BackoffUntil = now + Backoff(failures, options, jitter),
                    Counters = state.Counters with { RejectedByLimit = state.Counters.RejectedByLimit + (limit ? 1 : 0) },
                }, limit);
            default:
                // The portal refused the batch itself (validation, access, an answer we cannot read): the commands get
                // their own requests, so each one's own answer decides, and one bad command cannot sink the others.
                return (Requeue(state, items, q => q with { SendAlone = true, LastError = failure.Description }), false);
        }
    }

    private static DispatchState CommandFailed(
        DispatchState state, PreparedRequest sent, Bitrix24Error error, DateTimeOffset now, DispatchOptions options, double jitter,
        ImmutableArray<DispatchNotice>.Builder results)
    {
        state = state with { LastError = Describe(sent.Request.Method, error) };
        switch (error.Kind)
        {
            case Bitrix24ErrorKind.NotExecuted:
                return Requeue(state, sent.Items, q => q);
            case Bitrix24ErrorKind.OperationTimeLimit:
                return Requeue(MethodBudgets.Refused(state, sent.Request.Method, error, now), sent.Items, q => q);
            case Bitrix24ErrorKind.Transient or Bitrix24ErrorKind.ExpiredToken or Bitrix24ErrorKind.QueryLimitExceeded:
                return Requeue(state, sent.Items, q => q with
                {
                    Attempts = q.Attempts + 1,
                    NotBefore = now + Backoff(q.Attempts + 1, options, jitter),
                    LastError = error.Description,
                });
            case Bitrix24ErrorKind.InvalidToken or Bitrix24ErrorKind.AppRevoked:
                return Pause(state, error);
            default:
                return Failed(state, sent, error, now, options, results);
        }
    }

    private static DispatchState Succeeded(DispatchState state, PreparedRequest sent, object? value, DateTimeOffset now, ImmutableArray<DispatchNotice>.Builder results)
    {
        var done = sent.Items.Select(i => i.Sequence).ToHashSet();
        state = state with
        {
            Queue = state.Queue.RemoveAll(q => done.Contains(q.Sequence)),
            Counters = state.Counters with { Sent = state.Counters.Sent + done.Count, Merged = state.Counters.Merged + sent.Merged.Length },
        };
        foreach (var item in sent.Items)
        {
            results.Add(new DispatchNotice(item.Request.ReplyTo, new DispatchResult { RequestId = item.Request.RequestId, Request = sent.Request, Value = value }));
        }

        if (value is AppInfo info && sent.Request is GetAppInfo)
        {
            state = state with { Bucket = BucketLearning.Learn(info, now) };
        }

        if (sent.Item.Request.Lane is not { } key || !state.Lanes.TryGetValue(key, out var lane))
        {
            return state;
        }

        lane = sent.Request switch
        {
            RegisterExternalCall register => lane with
            {
                Bitrix24CallId = (value as RegisterExternalCallResult)?.CallId ?? lane.Bitrix24CallId,
                CardsShown = lane.CardsShown || register.Show,
            },
            ShowExternalCall => lane with { CardsShown = true },
            FinishExternalCall => lane with { Finished = true },
            _ => lane,
        };
        return state with { Lanes = state.Lanes.SetItem(key, lane with { LastActivity = now }) };
    }

    private static DispatchState Requeue(DispatchState state, IEnumerable<QueuedRequest> items, Func<QueuedRequest, QueuedRequest> change)
    {
        var queue = state.Queue;
        var count = 0;
        foreach (var item in items)
        {
            var index = queue.FindIndex(q => q.Sequence == item.Sequence);
            if (index >= 0)
            {
                queue = queue.SetItem(index, change(queue[index]));
                count++;
            }
        }

        return state with { Queue = queue, Counters = state.Counters with { Retried = state.Counters.Retried + count } };
    }

    private static DispatchState Failed(
        DispatchState state, PreparedRequest sent, Bitrix24Error error, DateTimeOffset now, DispatchOptions options, ImmutableArray<DispatchNotice>.Builder results)
    {
        var done = sent.Items.Select(i => i.Sequence).ToHashSet();
        foreach (var item in sent.Items)
        {
            results.Add(new DispatchNotice(item.Request.ReplyTo, new DispatchResult { RequestId = item.Request.RequestId, Request = sent.Request, Error = error }));
        }

        var lanes = state.Lanes;
        if (sent.Request is RegisterExternalCall && sent.Item.Request.Lane is { } key && lanes.TryGetValue(key, out var lane))
        {
            lanes = lanes.SetItem(key, lane with { FailedBecause = $"{error.Code} {error.Description}".Trim() });
        }

        return state with
        {
            Queue = state.Queue.RemoveAll(q => done.Contains(q.Sequence)),
            Lanes = lanes,
            Bucket = sent.Request is GetAppInfo && state.Bucket is null ? BucketLearning.Unknown(options, now) : state.Bucket,
            Counters = state.Counters with { Failed = state.Counters.Failed + done.Count },
        };
    }

    private static DispatchState Pause(DispatchState state, Bitrix24Error error) =>
        state with { PausedBecause = $"The portal refused our access ({error.Code}); it needs the app reinstalled." };

    private static string Describe(string method, Bitrix24Error error) => $"{method}: {error.Kind} {error.Code} {error.Description}".Trim();

    private static DispatchState PruneLanes(DispatchState state, DateTimeOffset now, DispatchOptions options)
    {
        var busy = state.LanesWithQueuedRequests();
        var stale = state.Lanes
            .Where(l => !busy.Contains(l.Key)
                && now - l.Value.LastActivity > (l.Value.Finished ? options.FinishedLaneRetention : options.IdleLaneRetention))
            .Select(l => l.Key)
            .ToList();
        return stale.Count == 0 ? state : state with { Lanes = state.Lanes.RemoveRange(stale) };
    }
}
