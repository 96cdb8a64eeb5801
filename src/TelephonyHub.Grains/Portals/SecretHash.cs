using System.Security.Cryptography;
using System.Text;

namespace TelephonyHub.Grains.Portals;

/// <summary>
/// Hashes of high-entropy secrets (PBX key secrets, Bitrix24 application tokens) and their constant-time check.
/// A plain SHA-256 fits: these secrets are random, not guessable passwords that need a slow hash.
/// </summary>
public static class SecretHash
{
    public static byte[] Of(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool Matches(byte[]? expectedHash, string candidate) =>
        expectedHash is not null && CryptographicOperations.FixedTimeEquals(expectedHash, Of(candidate));
}
