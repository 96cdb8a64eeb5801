namespace TelephonyHub.PbxSimulator.Load;

/// <summary>A load run: how many calls per second for how long, their mix and timing, and the PBX's extensions.</summary>
public sealed record LoadOptions
{
    /// <summary>New calls per second, over all portals (arrivals are spread evenly within each second).</summary>
    public double CallsPerSecond { get; init; } = 10;

    /// <summary>How long new calls start; calls in progress then play to their end (bounded by <see cref="DrainTimeout"/>).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long to wait for calls still in progress after <see cref="Duration"/>.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public CallMix Mix { get; init; } = CallMix.Realistic;

    public Distribution RingTime { get; init; } = new() { Mean = TimeSpan.FromSeconds(8) };

    public Distribution TalkTime { get; init; } = new() { Mean = TimeSpan.FromSeconds(90), Variation = 1 };

    public Distribution RecordingDelay { get; init; } = new() { Mean = TimeSpan.FromSeconds(5) };

    /// <summary>How long a queued or known-caller call waits for the hub's ring/transfer command before the PBX rings by itself.</summary>
    public TimeSpan CommandWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Extensions of the PBX's users (the same on every portal).</summary>
    public IReadOnlyList<string> Extensions { get; init; } = ["101", "102", "103", "104"];

    /// <summary>Numbers the portals' CRM knows (known-caller calls come from these); empty: random numbers.</summary>
    public IReadOnlyList<string> KnownCallers { get; init; } = [];

    /// <summary>Where recordings can be fetched; null turns late-recording calls into plain answered calls.</summary>
    public Func<string, Uri>? RecordingUrl { get; init; }

    /// <summary>Most calls in progress at once; arrivals beyond it are counted as not started (the simulator is saturated).</summary>
    public int MaxActiveCalls { get; init; } = 200_000;

    /// <summary>Streams opened at once while connecting the portals.</summary>
    public int ConnectConcurrency { get; init; } = 32;

    /// <summary>How long the simulator waits for one event's acknowledgement before counting the call as failed.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the random draws: the same seed plays the same calls.</summary>
    public int Seed { get; init; } = 1;
}
