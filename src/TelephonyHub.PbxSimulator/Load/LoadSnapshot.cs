namespace TelephonyHub.PbxSimulator.Load;

/// <summary>A load run's figures at one moment.</summary>
public sealed record LoadSnapshot
{
    public TimeSpan Elapsed { get; init; }

    /// <summary>Calls begun (their first event sent).</summary>
    public long Started { get; init; }

    /// <summary>Calls whose every event the hub acknowledged without rejecting it.</summary>
    public long Completed { get; init; }

    /// <summary>Calls with a rejected event, a missing acknowledgement or a broken stream.</summary>
    public long Failed { get; init; }

    /// <summary>Arrivals skipped because the simulator already had its maximum of calls in progress.</summary>
    public long NotStarted { get; init; }

    public long Active { get; init; }

    public long Events { get; init; }

    public long Applied { get; init; }

    public long Duplicate { get; init; }

    public long Ignored { get; init; }

    public long Rejected { get; init; }

    /// <summary>Events the hub answered UNAVAILABLE that were sent again (same event id).</summary>
    public long Resent { get; init; }

    public TimeSpan AckP50 { get; init; }

    public TimeSpan AckP99 { get; init; }

    public TimeSpan AckMax { get; init; }

    /// <summary>Sequential queue steps timed (a RingExtensions that followed another for the same call).</summary>
    public long QueueSteps { get; init; }

    public TimeSpan QueueStepErrorP50 { get; init; }

    public TimeSpan QueueStepErrorP99 { get; init; }

    public IReadOnlyDictionary<CallKind, long> CompletedByKind { get; init; } = new Dictionary<CallKind, long>();

    /// <summary>Why calls failed, with counts.</summary>
    public IReadOnlyDictionary<string, long> Failures { get; init; } = new Dictionary<string, long>();

    public double CompletedPerSecond => Elapsed > TimeSpan.Zero ? Completed / Elapsed.TotalSeconds : 0;

    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : 0;
}
