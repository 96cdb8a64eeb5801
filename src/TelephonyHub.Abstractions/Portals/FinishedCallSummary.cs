using TelephonyHub.Abstractions.Calls;

namespace TelephonyHub.Abstractions.Portals;

/// <summary>A finished call as the settings page lists it ("last calls"). The customer's number is masked.</summary>
[GenerateSerializer, Immutable, Alias("finished-call-summary-v1")]
public sealed record FinishedCallSummary
{
    [Id(0)] public required string PbxCallId { get; init; }

    [Id(1)] public required CallDirection Direction { get; init; }

    [Id(2)] public required string MaskedNumber { get; init; }

    /// <summary>The user the call was finished for in Bitrix24.</summary>
    [Id(3)] public required long UserId { get; init; }

    /// <summary>Bitrix24 <c>STATUS_CODE</c>.</summary>
    [Id(4)] public required string StatusCode { get; init; }

    [Id(5)] public required int DurationSeconds { get; init; }

    [Id(6)] public required DateTimeOffset StartedAt { get; init; }

    [Id(7)] public required DateTimeOffset EndedAt { get; init; }
}
