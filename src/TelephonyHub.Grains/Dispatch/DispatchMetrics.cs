using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// The dispatch's metrics (meter <c>TelephonyHub.Dispatch</c>), tagged by portal so an operator sees the one portal
/// in trouble at a glance: how much waits and for how long (gauges), HTTP requests made and method calls batched,
/// answers by result, retries, refusals by the rate limit, failures.
/// </summary>
public sealed class DispatchMetrics
{
    public const string MeterName = "TelephonyHub.Dispatch";

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (int Depth, DateTimeOffset? OldestSince)> _queues = new(StringComparer.Ordinal);
    private readonly Counter<long> _enqueued;
    private readonly Counter<long> _httpRequests;
    private readonly Counter<long> _batched;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _rejectedByLimit;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _merged;

    public DispatchMetrics(IMeterFactory meterFactory, TimeProvider time)
    {
        _time = time;
        var meter = meterFactory.Create(MeterName);
        _enqueued = meter.CreateCounter<long>("telephonyhub.dispatch.enqueued", "{request}", "Bitrix24 requests stored for sending");
        _httpRequests = meter.CreateCounter<long>("telephonyhub.dispatch.http_requests", "{request}", "HTTP requests made to portals (a batch is one)");
        _batched = meter.CreateCounter<long>("telephonyhub.dispatch.batched", "{request}", "Bitrix24 method calls sent inside a batch");
        _answers = meter.CreateCounter<long>("telephonyhub.dispatch.answers", "{request}", "Bitrix24 method calls answered, by method and result");
        _retried = meter.CreateCounter<long>("telephonyhub.dispatch.retried", "{request}", "Bitrix24 requests queued again after a failed send");
        _rejectedByLimit = meter.CreateCounter<long>("telephonyhub.dispatch.rejected_by_limit", "{request}",
            "HTTP requests a portal refused with QUERY_LIMIT_EXCEEDED");
        _failed = meter.CreateCounter<long>("telephonyhub.dispatch.failed", "{request}", "Bitrix24 requests that failed for good");
        _merged = meter.CreateCounter<long>("telephonyhub.dispatch.merged", "{request}", "Card requests folded into another of their call");
        meter.CreateObservableGauge("telephonyhub.dispatch.queue_depth", ObserveDepth, "{request}", "Bitrix24 requests waiting to be sent, per portal");
        meter.CreateObservableGauge("telephonyhub.dispatch.oldest_pending_age", ObserveAge, "s", "Age of the oldest request waiting to be sent, per portal");
    }

    public void Enqueued(string portalId, int count) => _enqueued.Add(count, Portal(portalId));

    public void HttpRequestSent(string portalId, int methodCalls)
    {
        _httpRequests.Add(1, Portal(portalId));
        if (methodCalls > 1)
        {
            _batched.Add(methodCalls, Portal(portalId));
        }
    }

    public void Answered(string portalId, Transmission transmission)
    {
        foreach (var outcome in transmission.Outcomes)
        {
            _answers.Add(1, Portal(portalId),
                new KeyValuePair<string, object?>("method", outcome.Sent.Request.Method),
                new KeyValuePair<string, object?>("result", outcome.Error is null ? "ok" : outcome.Error.Kind.ToString()));
        }
    }

    /// <summary>Adds what the stored counters grew by.</summary>
    public void Counted(string portalId, DispatchCounters before, DispatchCounters after)
    {
        Add(_retried, after.Retried - before.Retried, portalId);
        Add(_rejectedByLimit, after.RejectedByLimit - before.RejectedByLimit, portalId);
        Add(_failed, after.Failed - before.Failed, portalId);
        Add(_merged, after.Merged - before.Merged, portalId);
    }

    /// <summary>The portal's queue as the gauges report it, until <see cref="Forget"/>.</summary>
    public void Track(string portalId, DispatchState state) =>
        _queues[portalId] = (state.Queue.Count, state.Queue.IsEmpty ? null : state.Queue.Min(q => q.EnqueuedAt));

    /// <summary>The portal's dispatch left this silo: another reports it now.</summary>
    public void Forget(string portalId) => _queues.TryRemove(portalId, out _);

    private IEnumerable<Measurement<int>> ObserveDepth() =>
        _queues.Select(q => new Measurement<int>(q.Value.Depth, Portal(q.Key)));

    private IEnumerable<Measurement<double>> ObserveAge()
    {
        var now = _time.GetUtcNow();
        return _queues.Select(q => new Measurement<double>(
            q.Value.OldestSince is { } since ? Math.Max(0, (now - since).TotalSeconds) : 0, Portal(q.Key)));
    }

    private static void Add(Counter<long> counter, long delta, string portalId)
    {
        if (delta > 0)
        {
            counter.Add(delta, Portal(portalId));
        }
    }

    private static KeyValuePair<string, object?> Portal(string portalId) => new("portal", portalId);
}
