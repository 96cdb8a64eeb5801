namespace TelephonyHub.Abstractions.Presence;

/// <summary>State of a PBX extension as the PBX reports it.</summary>
public enum ExtensionState
{
    Idle = 1,
    Busy = 2,
    DoNotDisturb = 3,
    Offline = 4,
}
