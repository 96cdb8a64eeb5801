using Grpc.Core;
using Spectre.Console;
using TelephonyHub.PbxSimulator;
using TelephonyHub.PbxSimulator.Scenarios;

// dotnet run --project src/TelephonyHub.PbxSimulator -- <list|scenario|load|listen> [options]   (see README: PBX simulator)
var console = AnsiConsole.Console;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var arguments = SimulatorArguments.Parse(args);
try
{
    return arguments.Verb switch
    {
        "list" => Usage.ListScenarios(console, ScenarioCatalog.Default),
        "scenario" => await ScenarioCommand.RunAsync(arguments, console, cancel.Token),
        "load" => await LoadCommand.RunAsync(arguments, console, cancel.Token),
        "listen" => await ListenCommand.RunAsync(arguments, console, cancel.Token),
        _ => Usage.Write(console),
    };
}
catch (ArgumentException ex)
{
    console.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
    return 2;
}
catch (RpcException ex)
{
    console.MarkupLine($"[red]The hub refused or broke the stream: {ex.StatusCode} {Markup.Escape(ex.Status.Detail)}[/]");
    return 1;
}
