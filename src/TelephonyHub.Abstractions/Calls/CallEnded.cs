namespace TelephonyHub.Abstractions.Calls;

/// <summary>The call is over at the PBX.</summary>
[GenerateSerializer, Immutable, Alias("call-ended-v1")]
public sealed record CallEnded : CallEvent
{
    [Id(0)] public required CallOutcome Outcome { get; init; }

    /// <summary>Final SIP code when the PBX knows it.</summary>
    [Id(1)] public int? SipCode { get; init; }

    /// <summary>Talk time in seconds as the PBX measured it; null to let the hub compute it.</summary>
    [Id(2)] public int? TalkSeconds { get; init; }

    [Id(3)] public decimal? Cost { get; init; }

    [Id(4)] public string? CostCurrency { get; init; }

    /// <summary>A recording will follow in a <see cref="RecordingReady"/> event.</summary>
    [Id(5)] public bool RecordingPending { get; init; }

    [Id(6)] public string? FailedReason { get; init; }
}
