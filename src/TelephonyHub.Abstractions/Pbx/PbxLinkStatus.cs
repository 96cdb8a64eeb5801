namespace TelephonyHub.Abstractions.Pbx;

[GenerateSerializer, Immutable, Alias("pbx-link-status-v1")]
public sealed record PbxLinkStatus(
    [property: Id(0)] int OpenStreams,
    [property: Id(1)] int PendingCommands,
    [property: Id(2)] DateTimeOffset? LastAttachedAt);
