using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Client;

/// <summary>
/// What passes over one PBX stream, as it happens: the simulator's transcript (what it sent, what the hub answered)
/// and the load engine's measurements hang off this. Called on the stream's threads: implementations are quick and
/// thread-safe.
/// </summary>
public interface IPbxTraffic
{
    /// <summary>An event was written to the stream.</summary>
    void EventSent(PbxEvent evt);

    /// <summary>The hub acknowledged an event.</summary>
    void EventAcknowledged(PbxEvent evt, EventAck ack);

    /// <summary>The hub sent a command.</summary>
    void CommandReceived(PbxCommand command);

    /// <summary>The simulator answered a command.</summary>
    void CommandAnswered(CommandAck ack);
}
