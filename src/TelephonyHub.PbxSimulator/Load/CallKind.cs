namespace TelephonyHub.PbxSimulator.Load;

/// <summary>The kinds of call in a load mix.</summary>
public enum CallKind
{
    /// <summary>Scenario 1: inbound to an extension, answered.</summary>
    Direct,

    /// <summary>Inbound to an extension, nobody answers.</summary>
    Missed,

    /// <summary>A user dials a customer.</summary>
    Outbound,

    /// <summary>Inbound to an extension, answered, transferred to a colleague.</summary>
    Transfer,

    /// <summary>Scenario 5: answered, the recording comes after the hang-up.</summary>
    LateRecording,

    /// <summary>Scenario 2: inbound to the line without an extension; the hub's ring commands are followed, else the PBX's own queue rings.</summary>
    Queued,

    /// <summary>Scenario 3: inbound from a number the CRM knows; a transfer command is followed, else as queued.</summary>
    KnownCaller,
}
