namespace TelephonyHub.Abstractions.Queues;

/// <summary>
/// A call queue as the portal's admin configures it: which Bitrix24 users take the calls of a line, in which order
/// and how. An inbound call on the line that names no extension goes to the queue.
/// </summary>
[GenerateSerializer, Immutable, Alias("queue-definition-v1")]
public sealed record QueueDefinition
{
    /// <summary>
    /// The external line (<c>LINE_NUMBER</c>, the PBX's <c>line_number</c>) whose calls the queue takes; empty for the
    /// portal's default queue, which takes calls of lines without a queue of their own.
    /// </summary>
    [Id(0)] public string LineNumber { get; init; } = "";

    /// <summary>A name for the settings page and the missed-call reason.</summary>
    [Id(1)] public required string Name { get; init; }

    [Id(2)] public required QueueMode Mode { get; init; }

    /// <summary>Bitrix24 user ids in the order a sequential queue offers them; each needs an extension.</summary>
    [Id(3)] public required ImmutableArray<long> Members { get; init; }

    /// <summary>How long one step rings: one member in a sequential queue, everybody in a simultaneous one.</summary>
    [Id(4)] public required TimeSpan StepTime { get; init; }

    /// <summary>How many times the queue goes through its members before giving up (at least 1).</summary>
    [Id(5)] public int Rounds { get; init; } = 1;

    [Id(6)] public QueueOverflow Overflow { get; init; } = QueueOverflow.HangUp;
}
