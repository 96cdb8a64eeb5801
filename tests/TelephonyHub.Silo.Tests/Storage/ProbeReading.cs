namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>What the storage probe grain holds, and which activation answered.</summary>
[GenerateSerializer, Immutable]
public sealed record ProbeReading([property: Id(0)] ProbeState State, [property: Id(1)] Guid ActivationId);
