namespace TelephonyHub.Abstractions.Calls;

/// <summary>The PBX rings these extensions for the call.</summary>
[GenerateSerializer, Immutable, Alias("call-ringing-v1")]
public sealed record CallRinging : CallEvent
{
    [Id(0)] public required ImmutableArray<string> Extensions { get; init; }
}
