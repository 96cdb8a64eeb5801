namespace TelephonyHub.Abstractions.Calls;

/// <summary>
/// Something the PBX reported about one call. Every event carries the PBX-unique id that makes a replay harmless.
/// </summary>
[GenerateSerializer, Immutable]
public abstract record CallEvent
{
    /// <summary>PBX-unique event id; the call applies each id at most once.</summary>
    [Id(0)] public required string EventId { get; init; }

    /// <summary>When it happened at the PBX.</summary>
    [Id(1)] public required DateTimeOffset OccurredAt { get; init; }
}
