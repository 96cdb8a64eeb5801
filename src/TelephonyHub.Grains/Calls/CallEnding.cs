namespace TelephonyHub.Grains.Calls;

/// <summary>What the finish will report to Bitrix24, fixed when the PBX says the call ended.</summary>
[GenerateSerializer, Immutable, Alias("call-ending-v1")]
public sealed record CallEnding
{
    [Id(0)] public required DateTimeOffset EndedAt { get; init; }

    /// <summary>The Bitrix24 user the call is finished for: who answered, else who it was registered to.</summary>
    [Id(1)] public required long FinishingUserId { get; init; }

    [Id(2)] public required int DurationSeconds { get; init; }

    /// <summary>Bitrix24 <c>STATUS_CODE</c> (reference §5.3).</summary>
    [Id(3)] public required string StatusCode { get; init; }

    [Id(4)] public decimal? Cost { get; init; }

    [Id(5)] public string? CostCurrency { get; init; }

    [Id(6)] public string? FailedReason { get; init; }
}
