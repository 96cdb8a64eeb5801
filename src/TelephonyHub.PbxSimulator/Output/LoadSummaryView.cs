using Spectre.Console;
using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.PbxSimulator.Output;

/// <summary>The final summary of a load run.</summary>
public static class LoadSummaryView
{
    public static void Write(IAnsiConsole console, LoadResult result)
    {
        var s = result.Final;
        var o = result.Options;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("portals connected", $"{result.PortalsConnected} (failed {result.PortalsFailed})");
        table.AddRow("target rate", $"{o.CallsPerSecond:0.##} calls/s for {o.Duration.TotalSeconds:0} s");
        table.AddRow("mix", Markup.Escape(o.Mix.ToString()));
        table.AddRow("ring / talk", Markup.Escape($"{o.RingTime} / {o.TalkTime}"));
        table.AddRow("calls started", s.Started.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("calls completed", $"[green]{s.Completed}[/]");
        table.AddRow("calls failed", s.Failed == 0 ? "0" : $"[red]{s.Failed}[/]");
        table.AddRow("arrivals not started (saturated)", s.NotStarted.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("completed per second (arrival window)", $"{result.AtDuration.CompletedPerSecond:0.##}");
        table.AddRow("events acknowledged", $"{s.Events} ({s.Applied} applied, {s.Duplicate} duplicate, {s.Ignored} ignored, {s.Rejected} rejected)");
        table.AddRow("events resent after UNAVAILABLE", s.Resent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("ack latency p50 / p99 / max", $"{s.AckP50.TotalMilliseconds:0.0} / {s.AckP99.TotalMilliseconds:0.0} / {s.AckMax.TotalMilliseconds:0.0} ms");
        table.AddRow("queue step timing error p50 / p99", s.QueueSteps == 0 ? "no sequential queue steps" : $"{s.QueueStepErrorP50.TotalMilliseconds:0.0} / {s.QueueStepErrorP99.TotalMilliseconds:0.0} ms over {s.QueueSteps} steps");
        table.AddRow("hub commands answered", result.CommandsAnswered.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("click-to-call calls played", result.OriginatesPlayed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (kind, count) in s.CompletedByKind.OrderBy(k => k.Key))
        {
            table.AddRow($"  completed {kind}", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var (why, count) in s.Failures.OrderByDescending(f => f.Value))
        {
            table.AddRow($"  [red]failed: {Markup.Escape(why)}[/]", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Write(new Panel(table).Header("Load summary"));
    }
}
