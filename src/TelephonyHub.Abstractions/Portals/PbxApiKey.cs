using System.Diagnostics.CodeAnalysis;

namespace TelephonyHub.Abstractions.Portals;

/// <summary>
/// A PBX API key as the PBX sends it: <c>thk1.{portal id}.{key id}.{secret}</c>. The portal id lets the gateway find
/// the one portal that can verify the key without a global index; the secret is only ever stored hashed.
/// </summary>
public sealed class PbxApiKey
{
    private const string Prefix = "thk1";

    public PbxApiKey(string portalId, string keyId, string secret)
    {
        PortalId = portalId;
        KeyId = keyId;
        Secret = secret;
    }

    public string PortalId { get; }

    public string KeyId { get; }

    public string Secret { get; }

    /// <summary>The full key, to show once to the admin who issued it.</summary>
    public string Reveal() => string.Join('.', Prefix, PortalId, KeyId, Secret);

    /// <summary>Never the secret: keys end up in logs through careless formatting.</summary>
    public override string ToString() => $"{Prefix}.{PortalId}.{KeyId}.***";

    public static bool TryParse(string? value, [NotNullWhen(true)] out PbxApiKey? key)
    {
        key = null;
        var parts = value?.Split('.');
        if (parts is not [Prefix, var portalId, var keyId, var secret]
            || portalId.Length == 0 || keyId.Length == 0 || secret.Length == 0)
        {
            return false;
        }

        key = new PbxApiKey(portalId, keyId, secret);
        return true;
    }
}
