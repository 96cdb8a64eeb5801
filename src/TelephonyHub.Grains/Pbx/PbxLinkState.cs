namespace TelephonyHub.Grains.Pbx;

/// <summary>Commands waiting for the PBX's acknowledgement, oldest first, and the streams attached to the link.</summary>
[GenerateSerializer, Alias("pbx-link-state-v1")]
public sealed record PbxLinkState
{
    [Id(0)] public ImmutableArray<PbxCommandEnvelope> Pending { get; init; } = [];

    [Id(1)] public DateTimeOffset? LastAttachedAt { get; init; }

    /// <summary>
    /// Stored so that a revocation reaches streams attached before the link was last reactivated (a silo restart):
    /// kept in memory only, they would stay open until their next renewal.
    /// </summary>
    [Id(2)] public ImmutableArray<PbxStreamRecord> Streams { get; init; } = [];
}
