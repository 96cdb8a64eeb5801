namespace TelephonyHub.Abstractions.Pbx;

/// <summary>The link's answer to a stream that attached: held, with the commands to send first; or revoked.</summary>
[GenerateSerializer, Immutable, Alias("pbx-attachment-v1")]
public sealed record PbxAttachment(
    [property: Id(0)] PbxLease Lease,
    [property: Id(1)] ImmutableArray<PbxCommandEnvelope> Pending)
{
    public static PbxAttachment Revoked { get; } = new(PbxLease.Revoked, []);
}
