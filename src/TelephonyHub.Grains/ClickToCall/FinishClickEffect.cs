namespace TelephonyHub.Grains.ClickToCall;

/// <summary>Finish the Bitrix24 call as failed (<c>telephony.externalcall.finish</c>), which also closes the user's card.</summary>
[GenerateSerializer, Immutable, Alias("click-effect-finish-v1")]
public sealed record FinishClickEffect : ClickEffect
{
    [Id(0)] public required string Bitrix24CallId { get; init; }

    [Id(1)] public required long UserId { get; init; }

    [Id(2)] public required ClickFailure Failure { get; init; }

    [Id(3)] public required bool AddToChat { get; init; }
}
