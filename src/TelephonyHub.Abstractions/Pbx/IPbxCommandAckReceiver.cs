namespace TelephonyHub.Abstractions.Pbx;

/// <summary>A grain that wants to know what became of the PBX commands it sent.</summary>
public interface IPbxCommandAckReceiver : IGrainWithStringKey
{
    /// <summary>One-way: the link never waits on the receiver (it may be busy sending the next command).</summary>
    [OneWay]
    Task OnPbxCommandAckAsync(PbxCommandAck ack);
}
