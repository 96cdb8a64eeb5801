namespace TelephonyHub.Grains.Calls;

/// <summary>Finish the call in Bitrix24 (<c>telephony.externalCall.finish</c>): statistics row and CRM activity.</summary>
[GenerateSerializer, Immutable, Alias("call-effect-finish-v1")]
public sealed record FinishCallEffect : CallEffect
{
    [Id(0)] public required CallEnding Ending { get; init; }

    [Id(1)] public required bool AddToChat { get; init; }
}
