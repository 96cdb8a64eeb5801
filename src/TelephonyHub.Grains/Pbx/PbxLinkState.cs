namespace TelephonyHub.Grains.Pbx;

/// <summary>Commands waiting for the PBX's acknowledgement, oldest first.</summary>
[GenerateSerializer, Alias("pbx-link-state-v1")]
public sealed record PbxLinkState
{
    [Id(0)] public ImmutableArray<PbxCommandEnvelope> Pending { get; init; } = [];

    [Id(1)] public DateTimeOffset? LastAttachedAt { get; init; }
}
