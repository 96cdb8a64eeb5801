namespace TelephonyHub.Grains.Calls;

/// <summary>Show the call card to these users (<c>telephony.externalCall.show</c>).</summary>
[GenerateSerializer, Immutable, Alias("call-effect-show-v1")]
public sealed record ShowCardEffect : CallEffect
{
    [Id(0)] public required ImmutableArray<long> UserIds { get; init; }
}
