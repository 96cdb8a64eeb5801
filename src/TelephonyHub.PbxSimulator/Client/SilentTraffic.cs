using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.PbxSimulator.Client;

/// <summary>Traffic nobody watches (load runs measure through their own counters).</summary>
public sealed class SilentTraffic : IPbxTraffic
{
    public static SilentTraffic Instance { get; } = new();

    public void EventSent(PbxEvent evt)
    {
    }

    public void EventAcknowledged(PbxEvent evt, EventAck ack)
    {
    }

    public void CommandReceived(PbxCommand command)
    {
    }

    public void CommandAnswered(CommandAck ack)
    {
    }
}
