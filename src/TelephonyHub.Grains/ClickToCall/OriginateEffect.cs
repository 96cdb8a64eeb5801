namespace TelephonyHub.Grains.ClickToCall;

/// <summary>Ask the PBX to place the call: ring the extension, then dial the number.</summary>
[GenerateSerializer, Immutable, Alias("click-effect-originate-v1")]
public sealed record OriginateEffect : ClickEffect
{
    [Id(0)] public required string RequestId { get; init; }

    [Id(1)] public required OriginateCallCommand Command { get; init; }

    [Id(2)] public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Not sent after this: a click must not ring the user long after they clicked.</summary>
    [Id(3)] public required DateTimeOffset ExpiresAt { get; init; }
}
