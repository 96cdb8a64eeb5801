namespace TelephonyHub.Abstractions.Calls;

/// <summary>A new call appeared at the PBX; the first event of every call.</summary>
[GenerateSerializer, Immutable, Alias("call-started-v1")]
public sealed record CallStarted : CallEvent
{
    [Id(0)] public required CallDirection Direction { get; init; }

    /// <summary>The customer's number as the PBX gave it (caller id inbound, dialled number outbound).</summary>
    [Id(1)] public required string CustomerNumber { get; init; }

    /// <summary>Inbound: the user extension the call is for, if any. Outbound: the calling user's extension.</summary>
    [Id(2)] public string? Extension { get; init; }

    /// <summary>The external line (DID/trunk) as registered in Bitrix24.</summary>
    [Id(3)] public string? LineNumber { get; init; }

    /// <summary>The originate command this call answers, for click-to-call.</summary>
    [Id(4)] public string? OriginateRequestId { get; init; }
}
