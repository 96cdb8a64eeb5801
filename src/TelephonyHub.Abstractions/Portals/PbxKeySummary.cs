namespace TelephonyHub.Abstractions.Portals;

/// <summary>A PBX key as the settings page lists it: never the secret.</summary>
[GenerateSerializer, Immutable, Alias("pbx-key-summary-v1")]
public sealed record PbxKeySummary(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] DateTimeOffset? RevokedAt);
