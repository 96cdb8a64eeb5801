namespace TelephonyHub.Abstractions.Pbx;

/// <summary>Ring exactly these extensions for a queued call now; others stop ringing.</summary>
[GenerateSerializer, Immutable, Alias("pbx-ring-v1")]
public sealed record RingExtensionsCommand(
    [property: Id(0)] string PbxCallId,
    [property: Id(1)] ImmutableArray<string> Extensions,
    [property: Id(2)] int RingSeconds) : PbxCommand;
