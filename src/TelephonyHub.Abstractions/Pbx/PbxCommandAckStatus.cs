namespace TelephonyHub.Abstractions.Pbx;

public enum PbxCommandAckStatus
{
    /// <summary>The PBX is carrying it out.</summary>
    Accepted = 1,

    /// <summary>The PBX cannot or will not carry it out.</summary>
    Rejected = 2,

    /// <summary>No PBX took it before it expired.</summary>
    Expired = 3,
}
