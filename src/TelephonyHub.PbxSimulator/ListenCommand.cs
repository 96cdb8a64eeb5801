using Spectre.Console;
using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Commands;
using TelephonyHub.PbxSimulator.Output;

namespace TelephonyHub.PbxSimulator;

/// <summary><c>listen</c>: keeps a stream open and carries out the hub's commands (click-to-call) until Ctrl+C.</summary>
public static class ListenCommand
{
    public static async Task<int> RunAsync(SimulatorArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var traffic = new ConsoleTraffic(console, TimeProvider.System);
        await using var connection = await PbxConnection.ConnectAsync(args.Hub, args.Require("key"), PbxIdentity.Simulator, traffic, cancellationToken: cancellationToken);
        console.MarkupLine($"[green]Connected[/] to portal {Markup.Escape(connection.Welcome.PortalId)}; answering commands until Ctrl+C.");
        var player = new PbxCommandPlayer(connection, new CommandPlayback
        {
            OriginateAnswerAfter = args.Seconds("ring", TimeSpan.FromSeconds(2)),
            OriginateTalkTime = args.Seconds("talk", TimeSpan.FromSeconds(5)),
        }, TimeProvider.System);
        await Task.WhenAny(player.RunAsync(cancellationToken), connection.Ended);
        if (connection.EndedWith is { } ended)
        {
            console.MarkupLine($"[red]The hub closed the stream:[/] {Markup.Escape(ended.Status.Detail)}");
            return 1;
        }

        return 0;
    }
}
