using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;

namespace TelephonyHub.PbxSimulator.Tests;

/// <summary>A transcript kept in memory: what a vendor would read on the console, counted.</summary>
public sealed class RecordedTraffic : IPbxTraffic
{
    private int _sent;
    private int _acknowledged;
    private int _commands;
    private int _answers;

    public int Sent => _sent;

    public int Acknowledged => _acknowledged;

    public int Commands => _commands;

    public int Answers => _answers;

    public void EventSent(PbxEvent evt) => Interlocked.Increment(ref _sent);

    public void EventAcknowledged(PbxEvent evt, EventAck ack) => Interlocked.Increment(ref _acknowledged);

    public void CommandReceived(PbxCommand command) => Interlocked.Increment(ref _commands);

    public void CommandAnswered(CommandAck ack) => Interlocked.Increment(ref _answers);
}
