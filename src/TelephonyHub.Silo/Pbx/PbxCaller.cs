namespace TelephonyHub.Silo.Pbx;

/// <summary>A PBX whose API key was verified: everything it sends is scoped to this portal.</summary>
public sealed record PbxCaller(string PortalId, string KeyId);
