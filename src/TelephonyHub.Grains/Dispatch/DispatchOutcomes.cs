using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Applies what the portal answered to the dispatch's state: successes leave the queue and teach their lane
/// (a register's CALL_ID), transient failures wait with backoff, limits block the bucket or the method, permanent
/// failures leave the queue with their error — and a failed register takes its call's dependent requests with it.
/// Access lost for good (revoked app, dead token) pauses the whole portal with everything kept.
/// </summary>
public static class DispatchOutcomes
{
    public sealed record Applied(DispatchState State, ImmutableArray<DispatchNotice> Results, bool LimitHit);

    public static Applied Apply(
        DispatchState state,
        IReadOnlyList<(PreparedRequest Sent, Bitrix24Error? Error, object? Value)> outcomes,
        DateTimeOffset now,
        DispatchOptions options,
        double jitter)
    {
        var results = ImmutableArray.CreateBuilder<DispatchNotice>();
        var limitHit = false;
        foreach (var (sent, error, value) in outcomes)
        {
            var item = sent.Item;
            if (error is null)
            {
                state = Succeeded(state, sent, value, now);
                results.Add(new DispatchNotice(item.Request.ReplyTo, new DispatchResult { RequestId = item.Request.RequestId, Request = sent.Request, Value = value }));
                continue;
            }

            state = state with { LastError = $"{sent.Request.Method}: {error.Kind} {error.Code} {error.Description}".Trim() };
            switch (error.Kind)
            {
                case Bitrix24ErrorKind.QueryLimitExceeded:
                    limitHit = true;
                    state = Requeue(state, item with { Request = item.Request with { Request = sent.Request } }, now);
                    state = state with { Counters = state.Counters with { RejectedByLimit = state.Counters.RejectedByLimit + 1 } };
                    break;
                case Bitrix24ErrorKind.NotExecuted:
                    state = Requeue(state, item with { Request = item.Request with { Request = sent.Request } }, now);
                    break;
                case Bitrix24ErrorKind.OperationTimeLimit:
                    var method = sent.Request.Method.ToLowerInvariant();
                    state = state with { BlockedMethods = state.BlockedMethods.SetItem(method, error.OperatingResetAt ?? now + TimeSpan.FromMinutes(1)) };
                    state = Requeue(state, item, now);
                    break;
                case Bitrix24ErrorKind.Transient or Bitrix24ErrorKind.ExpiredToken:
                    var attempts = item.Attempts + 1;
                    state = Requeue(state, item with
                    {
                        Request = item.Request with { Request = sent.Request },
                        Attempts = attempts,
                        NotBefore = now + Backoff(attempts, options, jitter),
                        LastError = error.Description,
                    }, now);
                    break;
                case Bitrix24ErrorKind.InvalidToken or Bitrix24ErrorKind.AppRevoked:
                    state = state with { PausedBecause = $"The portal refused our access ({error.Code}); it needs the app reinstalled." };
                    break;
                default:
                    (state, var failed) = Failed(state, sent, error);
                    results.AddRange(failed);
                    break;
            }
        }

        return new Applied(PruneLanes(state, now, options), results.ToImmutable(), limitHit);
    }

    /// <summary>Exponential backoff from the base delay, capped, with ±20 % jitter (<paramref name="jitter"/> in [0, 1)).</summary>
    public static TimeSpan Backoff(int attempts, DispatchOptions options, double jitter)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * jitter)));
    }

    private static DispatchState Succeeded(DispatchState state, PreparedRequest sent, object? value, DateTimeOffset now)
    {
        state = state with
        {
            Queue = state.Queue.Remove(sent.Item),
            Counters = state.Counters with { Sent = state.Counters.Sent + 1 },
        };
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

    private static DispatchState Requeue(DispatchState state, QueuedRequest item, DateTimeOffset now)
    {
        var index = state.Queue.FindIndex(q => q.Sequence == item.Sequence);
        return state with
        {
            Queue = index < 0 ? state.Queue : state.Queue.SetItem(index, item),
            Counters = state.Counters with { Retried = state.Counters.Retried + 1 },
        };
    }

    private static (DispatchState, ImmutableArray<DispatchNotice>) Failed(DispatchState state, PreparedRequest sent, Bitrix24Error error)
    {
        var results = ImmutableArray.CreateBuilder<DispatchNotice>();
        var request = sent.Item.Request;
        results.Add(new DispatchNotice(request.ReplyTo, new DispatchResult { RequestId = request.RequestId, Request = sent.Request, Error = error }));
        var queue = state.Queue.Remove(sent.Item);
        var lanes = state.Lanes;
        if (sent.Request is RegisterExternalCall && request.Lane is { } key && lanes.TryGetValue(key, out var lane))
        {
            lanes = lanes.SetItem(key, lane with { FailedBecause = $"{error.Code} {error.Description}".Trim() });
        }

        return (state with
        {
            Queue = queue,
            Lanes = lanes,
            Counters = state.Counters with { Failed = state.Counters.Failed + 1 },
        }, results.ToImmutable());
    }

    private static DispatchState PruneLanes(DispatchState state, DateTimeOffset now, DispatchOptions options)
    {
        var busy = state.Queue.Select(q => q.Request.Lane).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var stale = state.Lanes
            .Where(l => !busy.Contains(l.Key)
                && now - l.Value.LastActivity > (l.Value.Finished ? options.FinishedLaneRetention : options.IdleLaneRetention))
            .Select(l => l.Key)
            .ToList();
        return stale.Count == 0 ? state : state with { Lanes = state.Lanes.RemoveRange(stale) };
    }
}
