namespace TelephonyHub.Abstractions.Pbx;

/// <summary>What became of a command: the PBX accepted or rejected it, or it expired before any PBX took it.</summary>
[GenerateSerializer, Immutable, Alias("pbx-command-ack-v1")]
public sealed record PbxCommandAck
{
    [Id(0)] public required string RequestId { get; init; }

    [Id(1)] public required PbxCommandAckStatus Status { get; init; }

    /// <summary>Why it was rejected or expired, for logs and Bitrix24's FAILED_REASON.</summary>
    [Id(2)] public string? Reason { get; init; }

    /// <summary>For an accepted originate: the PBX's id of the new call, when known.</summary>
    [Id(3)] public string? PbxCallId { get; init; }
}
