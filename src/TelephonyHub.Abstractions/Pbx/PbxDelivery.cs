namespace TelephonyHub.Abstractions.Pbx;

/// <summary>Where a command went when it was sent.</summary>
public enum PbxDelivery
{
    /// <summary>Handed to an open PBX stream.</summary>
    Delivered = 1,

    /// <summary>No PBX stream is open; the command waits for the next one (until it expires).</summary>
    Queued = 2,

    /// <summary>No PBX stream is open and the command does not wait (<see cref="PbxCommandEnvelope.WaitForStream"/>).</summary>
    NoStream = 3,
}
