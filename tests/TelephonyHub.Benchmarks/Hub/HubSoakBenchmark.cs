using System.Globalization;
using TelephonyHub.PbxSimulator.Load;
using TelephonyHub.PbxSimulator.Recordings;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// A steady load for a bounded time (10 minutes measured) on the same stack as <see cref="HubLoadBenchmark"/>, printing
/// the silo's memory curve as it goes: finished calls and idle portals must deactivate, so memory levels off instead
/// of growing with the calls served. Stops by itself; writes <c>hub-soak.md</c> / <c>.json</c>.
/// </summary>
public sealed class HubSoakBenchmark : IBenchmark
{
    public string Name => "hub-soak";

    public string Description => "Steady load for 10 minutes on PostgreSQL + silo process: the silo's memory curve, printed as it goes";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var portals = run.Int("portals", measured: 1000, @short: 3);
        var rate = run.Int("rate", measured: 100, @short: 5);
        var duration = TimeSpan.FromSeconds(run.Int("seconds", measured: 600, @short: 8));
        var period = TimeSpan.FromSeconds(run.Int("sample-seconds", measured: 30, @short: 1));
        var output = run.Output;
        var report = new HubLoadReport(Name);
        await using var recordings = RecordingServer.Start();
        var options = LoadProfile.For(run, rate, duration, recordings.UrlFor) with { DrainTimeout = TimeSpan.FromSeconds(60) };
        report.Run("machine", $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
        report.Run("portals", portals.ToString(CultureInfo.InvariantCulture));
        report.Run("load", LoadProfile.Describe(options));
        report.Run("sampled every", $"{period.TotalSeconds:0} s");

        await using var stack = await BenchmarkStack.StartAsync(output, cancellationToken);
        await stack.AddPortalsAsync(portals, output, cancellationToken);
        var engine = new LoadEngine(options, time);
        var start = stack.Sampler.Sample();
        output.WriteLine($"{"minute",7} {"RSS MB",9} {"CPU %",6} {"calls done",11}");
        ProcessSample? last = start;
        await using var monitor = new ProcessMonitor(stack.Sampler, period, time, sample =>
        {
            var minute = (sample.At - start.At).TotalMinutes;
            output.WriteLine($"{minute,7:0.00} {sample.RssMegabytes,9:0.0} {sample.CpuPercentSince(last!),6:0} {engine.Statistics.Snapshot(engine.Elapsed).Completed,11}");
            last = sample;
        });
        var load = await engine.RunAsync(stack.World.Settings.GrpcAddress, [.. stack.Portals.Select(p => p.ApiKey)], cancellationToken);
        var samples = await monitor.StopAsync();

        var previous = samples[0];
        foreach (var sample in samples)
        {
            report.CurvePoint((sample.At - start.At).TotalMinutes, sample.RssMegabytes, sample.CpuPercentSince(previous));
            previous = sample;
        }

        var half = samples.Where(s => s.At - start.At >= duration / 2).ToList();
        var slope = half.Count > 1 ? (half[^1].RssMegabytes - half[0].RssMegabytes) / Math.Max(1e-9, (half[^1].At - half[0].At).TotalMinutes) : 0;
        report.Figure("Soak", "calls completed", load.Final.Completed, "calls");
        report.Figure("Soak", "calls failed", load.Final.Failed, "calls");
        report.Figure("Soak", "silo RSS at start", start.RssMegabytes, "MB");
        report.Figure("Soak", "silo RSS peak", samples.Max(s => s.RssMegabytes), "MB");
        report.Figure("Soak", "silo RSS at the end", samples[^1].RssMegabytes, "MB");
        report.Figure("Soak", "RSS slope over the second half", slope, "MB/min");
        report.Note("Flat means: the slope over the second half is near zero while calls keep completing (finished calls and idle grains deactivate).");

        var folder = ReportFolder.For(run);
        var (markdown, _) = await report.WriteAsync(folder, cancellationToken);
        output.WriteLine($"Report: {markdown}");
        var result = report.ToBenchmarkReport();
        result.Print(output);
        return result;
    }
}
