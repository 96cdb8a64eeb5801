namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Ask the PBX to do something for this call (ring extensions, transfer, hang up), through the portal's PBX link. The
/// request id is derived from the effect id, so sending it again (an outbox replay) is harmless.
/// </summary>
[GenerateSerializer, Immutable, Alias("call-effect-pbx-command-v1")]
public sealed record PbxCommandEffect : CallEffect
{
    [Id(0)] public required PbxCommand Command { get; init; }

    /// <summary>After this the command is pointless (the ring of a step that is over) and is dropped unsent.</summary>
    [Id(1)] public required DateTimeOffset ExpiresAt { get; init; }
}
