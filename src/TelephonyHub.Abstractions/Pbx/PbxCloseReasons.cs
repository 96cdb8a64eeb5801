namespace TelephonyHub.Abstractions.Pbx;

/// <summary>What a PBX reads in the UNAUTHENTICATED status that ends its stream.</summary>
public static class PbxCloseReasons
{
    public const string KeyRevoked = "The PBX API key was revoked.";
}
