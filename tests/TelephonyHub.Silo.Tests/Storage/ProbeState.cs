namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>The state the storage probe grain persists.</summary>
[GenerateSerializer, Alias("telephonyhub.tests.storage-probe-state.v1")]
public sealed record ProbeState
{
    [Id(0)] public string Note { get; init; } = string.Empty;

    [Id(1)] public int Writes { get; init; }
}
