namespace TelephonyHub.Testing.World;

/// <summary>A portal of the emulator with the hub installed and a PBX key issued through the settings page.</summary>
public sealed record TestPortal(string MemberId, string Domain, string ApiKey);
