using System.Collections.Concurrent;
using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>A load run's counters as it goes (thread-safe); <see cref="Snapshot"/> reads them at once for display.</summary>
public sealed class LoadStatistics
{
    private readonly ConcurrentDictionary<CallKind, long> _completedByKind = new();
    private readonly ConcurrentDictionary<string, long> _failures = new(StringComparer.Ordinal);
    private long _started;
    private long _completed;
    private long _failed;
    private long _notStarted;
    private long _events;
    private long _applied;
    private long _duplicate;
    private long _ignored;
    private long _rejected;
    private long _active;
    private long _resent;

    /// <summary>Event send → acknowledgement, as the PBX sees it.</summary>
    public LatencyRecorder AckLatency { get; } = new();

    /// <summary>How far each step of a sequential queue came from the step time the hub announced (see <see cref="QueueSteps"/>).</summary>
    public LatencyRecorder QueueStepError { get; } = new();

    public long Active => Interlocked.Read(ref _active);

    public void CallStarted()
    {
        Interlocked.Increment(ref _started);
        Interlocked.Increment(ref _active);
    }

    public void CallNotStarted() => Interlocked.Increment(ref _notStarted);

    public void CallCompleted(CallKind kind)
    {
        Interlocked.Increment(ref _completed);
        Interlocked.Decrement(ref _active);
        _completedByKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    public void CallFailed(string why)
    {
        Interlocked.Increment(ref _failed);
        Interlocked.Decrement(ref _active);
        _failures.AddOrUpdate(why, 1, (_, n) => n + 1);
    }

    public void EventResent() => Interlocked.Increment(ref _resent);

    public void EventAcknowledged(EventAck ack, TimeSpan latency)
    {
        Interlocked.Increment(ref _events);
        AckLatency.Record(latency);
        _ = ack.Status switch
        {
            EventAckStatus.Applied => Interlocked.Increment(ref _applied),
            EventAckStatus.Duplicate => Interlocked.Increment(ref _duplicate),
            EventAckStatus.Ignored => Interlocked.Increment(ref _ignored),
            _ => Interlocked.Increment(ref _rejected),
        };
    }

    public LoadSnapshot Snapshot(TimeSpan elapsed) => new()
    {
        Elapsed = elapsed,
        Started = Interlocked.Read(ref _started),
        Completed = Interlocked.Read(ref _completed),
        Failed = Interlocked.Read(ref _failed),
        NotStarted = Interlocked.Read(ref _notStarted),
        Active = Active,
        Events = Interlocked.Read(ref _events),
        Applied = Interlocked.Read(ref _applied),
        Duplicate = Interlocked.Read(ref _duplicate),
        Ignored = Interlocked.Read(ref _ignored),
        Rejected = Interlocked.Read(ref _rejected),
        Resent = Interlocked.Read(ref _resent),
        AckP50 = AckLatency.Percentile(50),
        AckP99 = AckLatency.Percentile(99),
        AckMax = AckLatency.Max,
        QueueSteps = QueueStepError.Count,
        QueueStepErrorP50 = QueueStepError.Percentile(50),
        QueueStepErrorP99 = QueueStepError.Percentile(99),
        CompletedByKind = _completedByKind.ToDictionary(),
        Failures = _failures.ToDictionary(),
    };
}
