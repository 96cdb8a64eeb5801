namespace TelephonyHub.Grains.Calls;

/// <summary>Hide the call card from these users (<c>telephony.externalCall.hide</c>).</summary>
[GenerateSerializer, Immutable, Alias("call-effect-hide-v1")]
public sealed record HideCardEffect : CallEffect
{
    [Id(0)] public required ImmutableArray<long> UserIds { get; init; }
}
