namespace TelephonyHub.Grains.Portals;

/// <summary>A PBX API key as the portal stores it: never the secret, only its SHA-256.</summary>
[GenerateSerializer, Immutable, Alias("pbx-key-record-v1")]
public sealed record PbxKeyRecord(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label,
    [property: Id(2)] byte[] SecretHash,
    [property: Id(3)] DateTimeOffset IssuedAt,
    [property: Id(4)] DateTimeOffset? RevokedAt);
