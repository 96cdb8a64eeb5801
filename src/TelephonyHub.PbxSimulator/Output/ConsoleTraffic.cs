using Spectre.Console;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;

namespace TelephonyHub.PbxSimulator.Output;

/// <summary>The readable transcript of a scenario run: one line per event sent, acknowledgement, command and answer.</summary>
public sealed class ConsoleTraffic(IAnsiConsole console, TimeProvider time) : IPbxTraffic
{
    private readonly DateTimeOffset _start = time.GetUtcNow();

    public void EventSent(PbxEvent evt) =>
        Line("blue", "PBX → hub", $"{evt.KindCase} {TrafficText.Describe(evt)}");

    public void EventAcknowledged(PbxEvent evt, EventAck ack) =>
        Line(ack.Status == EventAckStatus.Applied ? "green" : ack.Status == EventAckStatus.Rejected ? "red" : "yellow",
            "hub → PBX", TrafficText.Describe(evt.KindCase, ack));

    public void CommandReceived(PbxCommand command) =>
        Line("magenta", "hub → PBX", $"command {command.KindCase} {TrafficText.Describe(command)}");

    public void CommandAnswered(CommandAck ack) =>
        Line("magenta", "PBX → hub", $"command ack {ack.Status} request {ack.RequestId}{(ack.CallId.Length > 0 ? $" call {ack.CallId}" : "")}{(ack.Reason.Length > 0 ? $" ({ack.Reason})" : "")}");

    private void Line(string colour, string direction, string text)
    {
        var at = time.GetUtcNow() - _start;
        console.MarkupLine($"[grey]{at.TotalSeconds,7:0.000}s[/] [{colour}]{direction}[/] {Markup.Escape(text)}");
    }
}
