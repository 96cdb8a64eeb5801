using Spectre.Console;
using TelephonyHub.PbxSimulator.Output;
using TelephonyHub.PbxSimulator.Recordings;
using TelephonyHub.PbxSimulator.Scenarios;

namespace TelephonyHub.PbxSimulator;

/// <summary><c>scenario NAME|all</c>: plays scenarios one after another with a transcript of what went back and forth.</summary>
public static class ScenarioCommand
{
    public static async Task<int> RunAsync(SimulatorArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var name = args.Positional.FirstOrDefault() ?? throw new ArgumentException("Name a scenario (or all); `list` shows them.");
        var catalog = ScenarioCatalog.Default;
        IReadOnlyList<IPbxScenario> scenarios = name == "all" ? catalog.All
            : catalog.Find(name) is { } one ? [one] : throw new ArgumentException($"No scenario '{name}'; `list` shows them.");

        await using var recordings = args.Get("recording-url") is null ? RecordingServer.Start() : null;
        var defaults = new ScenarioSettings();
        var settings = new ScenarioSettings
        {
            Extension = args.Get("extension") ?? defaults.Extension,
            OtherExtension = args.Get("other-extension") ?? defaults.OtherExtension,
            CustomerNumber = args.Get("customer") ?? defaults.CustomerNumber,
            DialledNumber = args.Get("dialled") ?? defaults.DialledNumber,
            LineNumber = args.Get("line") ?? defaults.LineNumber,
            RingTime = args.Seconds("ring", defaults.RingTime),
            TalkTime = args.Seconds("talk", defaults.TalkTime),
            RecordingDelay = args.Seconds("recording-delay", defaults.RecordingDelay),
            RecordingUrl = args.Get("recording-url") is { } url ? new Uri(url) : recordings!.UrlFor("simulated"),
        };

        var failed = 0;
        foreach (var scenario in scenarios)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(scenario.Name)}[/]: {Markup.Escape(scenario.Description)}").LeftJustified());
            var result = await ScenarioRunner.PlayAsync(args.Hub, args.Require("key"), scenario, settings,
                new ConsoleTraffic(console, TimeProvider.System), TimeProvider.System, cancellationToken);
            console.MarkupLine(result.Succeeded
                ? $"[green]✓ {Markup.Escape(scenario.Name)}: {result.Steps.Count} events applied[/] (call {Markup.Escape(string.Join(", ", result.CallIds))})"
                : $"[red]✗ {Markup.Escape(scenario.Name)}: not every event was applied[/]");
            failed += result.Succeeded ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }
}
