namespace TelephonyHub.PbxSimulator.Load;

/// <summary>One call of a load run, decided before it starts: who, what kind, how long it rings and talks.</summary>
public sealed record PlannedCall
{
    public required int Portal { get; init; }

    public required string CallId { get; init; }

    public required CallKind Kind { get; init; }

    /// <summary>The customer's number.</summary>
    public required string Customer { get; init; }

    /// <summary>The user's extension the call is for or from (the answering one for queued calls).</summary>
    public required string Extension { get; init; }

    /// <summary>A colleague's extension (transfer target, other queue member).</summary>
    public required string OtherExtension { get; init; }

    public required TimeSpan RingTime { get; init; }

    public required TimeSpan TalkTime { get; init; }

    public required TimeSpan RecordingDelay { get; init; }
}
