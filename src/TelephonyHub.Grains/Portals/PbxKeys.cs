using System.Security.Cryptography;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// Issuing and checking PBX API keys. Secrets are 256 random bits, so a plain SHA-256 is the right hash (a slow
/// password hash protects guessable secrets; these are not guessable), and checks stay cheap per PBX call.
/// </summary>
public static class PbxKeys
{
    public static (IssuedPbxKey Issued, PbxKeyRecord Record) Issue(string portalId, string label, DateTimeOffset now)
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new PbxApiKey(portalId, keyId, secret);
        return (new IssuedPbxKey(keyId, label, key.Reveal()), new PbxKeyRecord(keyId, label, SecretHash.Of(secret), now, null));
    }

    public static bool Matches(ImmutableArray<PbxKeyRecord> keys, string keyId, string secret) =>
        Active(keys, keyId) is { } record && SecretHash.Matches(record.SecretHash, secret);

    /// <summary>The key exists and is not revoked (for a stream that proved the secret when it opened).</summary>
    public static bool IsActive(ImmutableArray<PbxKeyRecord> keys, string keyId) => Active(keys, keyId) is not null;

    public static ImmutableArray<PbxKeyRecord> Revoke(ImmutableArray<PbxKeyRecord> keys, string keyId, DateTimeOffset now) =>
        keys.Select(k => k.KeyId == keyId && k.RevokedAt is null ? k with { RevokedAt = now } : k).ToImmutableArray();

    public static ImmutableArray<PbxKeyRecord> RevokeAll(ImmutableArray<PbxKeyRecord> keys, DateTimeOffset now) =>
        keys.Select(k => k.RevokedAt is null ? k with { RevokedAt = now } : k).ToImmutableArray();

    private static PbxKeyRecord? Active(ImmutableArray<PbxKeyRecord> keys, string keyId) =>
        keys.FirstOrDefault(k => k.KeyId == keyId && k.RevokedAt is null);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
