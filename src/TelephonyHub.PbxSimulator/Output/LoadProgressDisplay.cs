using Spectre.Console;
using Spectre.Console.Rendering;
using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.PbxSimulator.Output;

/// <summary>The live view of a load run: a table redrawn twice a second until the run ends.</summary>
public static class LoadProgressDisplay
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(500);

    public static async Task<LoadResult> ShowAsync(IAnsiConsole console, LoadEngine engine, Task<LoadResult> run, TimeProvider time)
    {
        await console.Live(Render(engine)).AutoClear(false).StartAsync(async live =>
        {
            while (!run.IsCompleted)
            {
                await Task.WhenAny(run, Task.Delay(Refresh, time));
                live.UpdateTarget(Render(engine));
                live.Refresh();
            }
        });
        return await run;
    }

    private static IRenderable Render(LoadEngine engine)
    {
        var s = engine.Statistics.Snapshot(engine.Elapsed);
        var o = engine.Options;
        var progress = o.Duration > TimeSpan.Zero ? Math.Min(1, s.Elapsed / o.Duration) : 1;
        var bar = new string('█', (int)(progress * 30)).PadRight(30, '░');
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
        table.AddRow("[bold]phase[/]", $"{engine.Phase}  {bar} {s.Elapsed.TotalSeconds:0}/{o.Duration.TotalSeconds:0} s");
        table.AddRow("portals", $"{engine.PortalsConnected} connected" + (engine.PortalsFailed > 0 ? $", [red]{engine.PortalsFailed} failed[/]" : ""));
        table.AddRow("calls", $"{s.Started} started, [green]{s.Completed} completed[/], {s.Active} in progress"
            + (s.Failed > 0 ? $", [red]{s.Failed} failed[/]" : "") + (s.NotStarted > 0 ? $", [yellow]{s.NotStarted} not started[/]" : ""));
        table.AddRow("rate", $"target {o.CallsPerSecond:0.#}/s, completed {s.CompletedPerSecond:0.#}/s, events {s.EventsPerSecond:0}/s");
        table.AddRow("acks", $"p50 {Ms(s.AckP50)}, p99 {Ms(s.AckP99)}, max {Ms(s.AckMax)}" + (s.Rejected > 0 ? $", [red]{s.Rejected} rejected[/]" : ""));
        return new Panel(table).Header("TelephonyHub PBX simulator: load");
    }

    private static string Ms(TimeSpan span) => $"{span.TotalMilliseconds:0.0} ms";
}
