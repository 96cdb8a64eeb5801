namespace TelephonyHub.PbxSimulator.Client;

/// <summary>What the simulator says about itself in its <c>Hello</c> (shown in the hub's logs and settings page).</summary>
public sealed record PbxIdentity(string Instance, string Software = "TelephonyHub PBX simulator")
{
    public static PbxIdentity Simulator { get; } = new("pbx-simulator");
}
