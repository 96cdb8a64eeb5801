using System.Diagnostics;
using System.Globalization;
using TelephonyHub.PbxSimulator.Load;
using TelephonyHub.PbxSimulator.Recordings;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// The hub as deployed, on this machine: PostgreSQL, one silo process, the portal emulator, N portals, and the
/// simulator's load (a fixed mix for a fixed time). Measures lifecycles/s, hub-added latency (PBX event → first
/// Bitrix24 request), requests per call, silo CPU and memory, memory per idle portal and per active call, and lost
/// calls; runs the same load through a pass-through baseline and once more against real Bitrix24 limits. Writes
/// <c>hub-load.md</c> and <c>hub-load.json</c> (folder: <c>--out=</c>, default <c>benchmark-results</c>).
/// </summary>
public sealed class HubLoadBenchmark : IBenchmark
{
    private const double TargetRate = 1000;
    private const double TargetP99Ms = 10;
    private const int TargetPortals = 10_000;
    private const double TargetQueueStepMs = 25;

    public string Name => "hub-load";

    public string Description => "PostgreSQL + silo process + emulator + simulator load: lifecycles/s, hub-added p99, memory, lost calls, baseline ratio";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        var portalCount = run.Int("portals", measured: TargetPortals, @short: 3);
        var rate = run.Int("rate", measured: (int)TargetRate, @short: 10);
        var duration = TimeSpan.FromSeconds(run.Int("seconds", measured: 60, @short: 3));
        var limitedDuration = TimeSpan.FromSeconds(run.Int("limited-seconds", measured: 30, @short: 2));
        var activeCalls = run.Int("active-calls", measured: 5000, @short: 20);
        var queueStep = TimeSpan.FromMilliseconds(run.Int("queue-step-ms", measured: 1000, @short: 1000));
        var output = run.Output;
        var report = new HubLoadReport(Name);
        await using var recordings = RecordingServer.Start();
        var options = LoadProfile.For(run, rate, duration, recordings.UrlFor);

        report.Run("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        report.Run("date (UTC)", time.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        report.Run("portals", portalCount.ToString(CultureInfo.InvariantCulture));
        report.Run("load", LoadProfile.Describe(options));
        report.Run("queues", queueStep > TimeSpan.Zero
            ? string.Create(CultureInfo.InvariantCulture, $"each portal's default queue: sequential over 4 operators, {queueStep.TotalMilliseconds:0} ms per step (--queue-step-ms=, 0: none)")
            : "none (--queue-step-ms=0): queued calls ring at the PBX's own queue");
        report.Run("mode", run.Short ? "short (proves the benchmark works; figures mean nothing)" : "measured");

        await using var stack = await BenchmarkStack.StartAsync(output, cancellationToken);
        var started = stack.Sampler.Sample();
        output.WriteLine($"Installing {portalCount} portals...");
        await stack.AddPortalsAsync(portalCount, output, cancellationToken);
        if (queueStep > TimeSpan.Zero)
        {
            output.WriteLine($"Giving each portal a sequential queue, {queueStep.TotalMilliseconds:0} ms per step...");
            await stack.AddSequentialQueuesAsync(queueStep, cancellationToken);
        }

        var idle = stack.Sampler.Sample();
        report.Figure("Memory", "silo RSS after start", started.RssMegabytes, "MB");
        report.Figure("Memory", "silo RSS with all portals installed, idle", idle.RssMegabytes, "MB");
        report.Figure("Memory", "per idle portal (RSS growth / portals)", (idle.RssBytes - started.RssBytes) / 1024.0 / portalCount, "KB");

        // 0. Warm-up: a quarter of the rate for a while, so the measured run starts with a jitted hub and warm caches
        //    (grains of the measured calls are new either way). Its figures are reported as "cold start".
        var warmUp = options with { CallsPerSecond = Math.Max(1, rate / 4.0), Duration = TimeSpan.FromSeconds(run.Int("warmup-seconds", measured: 15, @short: 1)) };
        output.WriteLine($"Warm-up: {LoadProfile.Describe(warmUp)}");
        var cold = await PlayAsync(stack, warmUp, time, output, cancellationToken);
        report.Figure("Cold start (warm-up)", "call lifecycles finished in Bitrix24 per second", cold.LifecyclesPerSecond, "1/s");
        report.Figure("Cold start (warm-up)", "hub-added latency p50", cold.FirstRequest.P50, "ms");
        report.Figure("Cold start (warm-up)", "hub-added latency p99", cold.FirstRequest.P99, "ms");
        report.Figure("Cold start (warm-up)", "calls lost", cold.Lost, "calls");

        // Memory per active call, measured on a calm hub (after the warm-up, before the load); then the calls end.
        var (perCall, probeCalls) = await ActiveCallProbe.MeasureAsync(stack, activeCalls, cancellationToken);
        report.Figure("Memory", $"per active call (RSS growth over {probeCalls} answered calls)", perCall / 1024.0, "KB");

        // 1. The hub, limits raised so Bitrix24 is not the bottleneck.
        output.WriteLine($"Load on the hub: {LoadProfile.Describe(options)}");
        var hub = await PlayAsync(stack, options, time, output, cancellationToken);
        Report(report, "Hub (limits raised)", hub);

        // 2. The same load through the pass-through baseline.
        output.WriteLine("Same load through the pass-through baseline (gRPC in → one HTTP request out)...");
        var baseline = await PlayBaselineAsync(portalCount, options, time, cancellationToken);
        report.Figure("Baseline (pass-through)", "call lifecycles completed per second (at the PBX, second half of the window)", baseline.Completed, "1/s");
        report.Figure("Baseline (pass-through)", "event → first HTTP request p50", baseline.FirstRequest.P50, "ms");
        report.Figure("Baseline (pass-through)", "event → first HTTP request p99", baseline.FirstRequest.P99, "ms");
        report.Figure("Baseline (pass-through)", "event → first HTTP request max", baseline.FirstRequest.Max, "ms");
        report.Figure("Overhead (hub / baseline)", "lifecycles per second ratio", Ratio(hub.LifecyclesPerSecond, baseline.Completed), "×");
        report.Figure("Overhead (hub / baseline)", "p50 latency ratio", Ratio(hub.FirstRequest.P50, baseline.FirstRequest.P50), "×");
        report.Figure("Overhead (hub / baseline)", "p99 latency ratio", Ratio(hub.FirstRequest.P99, baseline.FirstRequest.P99), "×");

        // 3. Once with the real limits (2 requests/s per portal, bucket 50).
        await stack.SetLimitsAsync(real: true, cancellationToken);
        var limitedOptions = options with { Duration = limitedDuration };
        output.WriteLine($"Load against real Bitrix24 limits: {LoadProfile.Describe(limitedOptions)}");
        var limited = await PlayAsync(stack, limitedOptions, time, output, cancellationToken);
        Report(report, "Hub (real Bitrix24 limits)", limited);

        report.Target($"call lifecycles/s over {TargetPortals:N0} portals", TargetRate, hub.LifecyclesPerSecond, higherIsBetter: true, "1/s");
        report.Target("calls lost", 0, cold.Lost + hub.Lost + limited.Lost, higherIsBetter: false, "calls");
        report.Target("hub-added latency p99 (event → first Bitrix24 request)", TargetP99Ms, hub.FirstRequest.P99, higherIsBetter: false, "ms");
        if (hub.Load.Final.QueueSteps > 0)
        {
            report.Target("queue step timing error p99", TargetQueueStepMs, hub.Load.Final.QueueStepErrorP99.TotalMilliseconds, higherIsBetter: false, "ms");
        }
        else
        {
            report.TargetNotMeasured("queue step timing error p99", $"≤ {TargetQueueStepMs} ms",
                "no sequential queue steps were played: the hub sent no RingExtensions (no queues with --queue-step-ms=0, or no queued call rang past its first step)");
        }
        if (portalCount < TargetPortals)
        {
            report.Note($"Ran with {portalCount} portals, not the target's {TargetPortals:N0} (--portals=).");
        }

        report.Note("Hub-added latency: emulator arrival time of the call's first Bitrix24 request minus the simulator's send time of its CallStarted; both clocks are this process's. It includes the gRPC hop, the grains, storage and the dispatch's pacing/batching.");
        report.Note("Memory figures are the silo's resident set (/proc VmRSS), which includes GC headroom: an upper bound, best read as a trend.");
        report.Note("The machine is shared with PostgreSQL, the emulator and the simulator (and, during development, other builds): read ratios, repeat runs.");
        report.Note("The pass-through baseline runs inside the benchmark process; the hub in its own.");

        var folder = ReportFolder.For(run);
        var problems = stack.Hub.Logs.Snapshot().Where(l => l.StartsWith("warn", StringComparison.Ordinal) || l.StartsWith("fail", StringComparison.Ordinal) || l.StartsWith("crit", StringComparison.Ordinal)).ToList();
        report.Note($"The hub logged {problems.Count} warning(s) or error(s); they are in {Name}.hub-warnings.log beside this report.");
        var (markdown, json) = await report.WriteAsync(folder, cancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(folder, $"{Name}.hub-warnings.log"), problems, cancellationToken);
        output.WriteLine(report.ToMarkdown());
        output.WriteLine($"Report: {markdown} and {json}");
        var result = report.ToBenchmarkReport();
        result.Print(output);
        return result;
    }

    private static async Task<HubRun> PlayAsync(BenchmarkStack stack, LoadOptions options, TimeProvider time, TextWriter output, CancellationToken cancellationToken)
    {
        var ledger = new CallLedger(time);
        var engine = new LoadEngine(options, time, ledger);
        await using var monitor = new ProcessMonitor(stack.Sampler, TimeSpan.FromSeconds(1), time);
        await using var gc = GcPauseRecorder.Start(stack.Hub.ProcessId);
        var storageBefore = await stack.Storage.ReadAsync(cancellationToken);
        var windowStart = time.GetUtcNow();
        var generatorCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var load = await engine.RunAsync(stack.World.Settings.GrpcAddress, [.. stack.Portals.Select(p => p.ApiKey)], cancellationToken);
        var generator = new LoadGeneratorCpu(Process.GetCurrentProcess().TotalProcessorTime - generatorCpuBefore, time.GetUtcNow() - windowStart);
        var samples = await monitor.StopAsync();
        var pauses = await gc.StopAsync(time.GetUtcNow() - windowStart);
        var landing = await WaitForLandingAsync(stack, ledger, TimeSpan.FromSeconds(120), time, cancellationToken);
        var traffic = PortalTraffic.Analyze(stack.World.Emulator, stack.Portals, ledger.Calls, windowStart, options.Duration);
        await Task.Delay(TimeSpan.FromSeconds(1.5), time, cancellationToken); // PostgreSQL flushes its statistics about every second
        var storage = (await stack.Storage.ReadAsync(cancellationToken)).Minus(storageBefore);
        output.WriteLine($"  PBX: {load.Final.Completed} completed, {load.Final.Failed} failed; Bitrix24: {traffic.CallsLanded} landed, {traffic.Lost} lost (landing took {landing.TotalSeconds:0.0} s)");
        return new HubRun(load, traffic, samples, traffic.FinishedInSecondHalf / (options.Duration.TotalSeconds / 2), landing, storage, generator, pauses);
    }

    /// <summary>Waits (bounded) until every call the PBX completed is in its portal's call log.</summary>
    private static async Task<TimeSpan> WaitForLandingAsync(BenchmarkStack stack, CallLedger ledger, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        foreach (var group in ledger.Calls.Where(c => c.Succeeded == true).GroupBy(c => c.Call.Portal))
        {
            var left = timeout - time.GetElapsedTime(start);
            var ids = group.Select(c => c.Call.CallId).ToHashSet(StringComparer.Ordinal);
            var recorded = group.Where(c => c.Call.Kind == CallKind.LateRecording).Select(c => c.Call.CallId).ToHashSet(StringComparer.Ordinal);
            try
            {
                await stack.World.Emulator.WaitForAsync(stack.Portals[group.Key].MemberId,
                    p => ids.IsSubsetOf(p.CallLog.Select(r => r.ExternalCallId ?? ""))
                        && recorded.IsSubsetOf(p.CallLog.Where(r => r.Recording is not null).Select(r => r.ExternalCallId ?? "")),
                    left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1),
                    $"the {ids.Count} calls of portal {group.Key} in its call log, recordings attached", cancellationToken);
            }
            catch (TimeoutException)
            {
                // Counted as lost by the analysis.
            }
        }

        return time.GetElapsedTime(start);
    }

    private static async Task<(double Completed, LatencyFigures FirstRequest)> PlayBaselineAsync(int portals, LoadOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var passThrough = await PassThroughGateway.StartAsync(time);
        var ledger = new CallLedger(time);
        var windowStart = time.GetUtcNow();
        var load = await new LoadEngine(options, time, ledger).RunAsync(passThrough.GrpcAddress,
            [.. Enumerable.Range(0, portals).Select(i => $"baseline-{i}")], cancellationToken);
        var latency = new LatencyRecorder();
        foreach (var call in ledger.Calls)
        {
            if (call.StartedSentAt is { } sent && passThrough.Sink.FirstRequestOf(call.Call.CallId) is { } arrived)
            {
                latency.Record(arrived - sent);
            }
        }

        var secondHalf = ledger.Calls.Count(c => c.Succeeded == true && c.FinishedAt >= windowStart + (options.Duration / 2) && c.FinishedAt <= windowStart + options.Duration);
        return (secondHalf / (options.Duration.TotalSeconds / 2), LatencyFigures.Of(latency));
    }

    private static void Report(HubLoadReport report, string section, HubRun run)
    {
        var t = run.Traffic;
        var calls = Math.Max(1, t.CallsLanded);
        report.Figure(section, "call lifecycles completed per second (finished in Bitrix24, second half of the window)", run.LifecyclesPerSecond, "1/s");
        report.Figure(section, "calls started by the PBX", run.Load.Final.Started, "calls");
        report.Figure(section, "calls completed at the PBX (every event acknowledged)", run.Load.Final.Completed, "calls");
        report.Figure(section, "calls lost (the hub took the start, never in Bitrix24)", t.Lost, "calls");
        report.Figure(section, "calls refused at the start (UNAVAILABLE until the PBX gave up; the PBX knows)", t.RefusedAtStart, "calls");
        report.Figure(section, "calls failed at the PBX (event rejected / no ack / stream broke)", t.FailedAtPbx, "calls");
        report.Figure(section, "late-recording calls in Bitrix24 without their recording", t.RecordingsMissing, "calls");
        report.Figure(section, "calls unfinished at the drain timeout", t.Unfinished, "calls");
        report.Figure(section, "arrivals not started (simulator saturated)", run.Load.Final.NotStarted, "calls");
        report.Figure(section, "seconds until every completed call landed", run.Landing.TotalSeconds, "s");
        var first = run.FirstRequest;
        report.Figure(section, "hub-added latency p50 (CallStarted → first request)", first.P50, "ms");
        report.Figure(section, "hub-added latency p95", first.P95, "ms");
        report.Figure(section, "hub-added latency p99", first.P99, "ms");
        report.Figure(section, "hub-added latency max", first.Max, "ms");
        var finish = LatencyFigures.Of(t.EndToFinish);
        report.Figure(section, "CallEnded → finish p50", finish.P50, "ms");
        report.Figure(section, "CallEnded → finish p99", finish.P99, "ms");
        var acks = run.Load.Final;
        if (acks.QueueSteps > 0)
        {
            report.Figure(section, "queue step timing error p50", acks.QueueStepErrorP50.TotalMilliseconds, "ms");
            report.Figure(section, "queue step timing error p99", acks.QueueStepErrorP99.TotalMilliseconds, "ms");
        }

        report.Figure(section, "event acknowledgement p50 (at the PBX)", acks.AckP50.TotalMilliseconds, "ms");
        report.Figure(section, "event acknowledgement p99 (at the PBX)", acks.AckP99.TotalMilliseconds, "ms");
        report.Figure(section, "Bitrix24 HTTP requests per call", t.HttpRequests / (double)calls, "requests");
        foreach (var (kind, (count, methods)) in t.ByKind.OrderBy(k => k.Key))
        {
            report.Figure(section, $"Bitrix24 method calls per {kind} call", methods / (double)Math.Max(1, count), "calls");
        }

        report.Figure(section, "QUERY_LIMIT_EXCEEDED answers", t.LimitRejections, "answers");
        var played = Math.Max(1, run.Load.Final.Started);
        report.Figure(section, "grain state rows written per call (PostgreSQL)", run.Storage.StateWrites / (double)played, "writes");
        report.Figure(section, "grain state lookups per call (reads and updates)", run.Storage.StateLookups / (double)played, "lookups");
        report.Figure(section, "reminder rows written per call", run.Storage.ReminderWrites / (double)played, "writes");
        foreach (var (grain, writes) in run.Storage.WritesByGrain.Where(w => w.Value > 0).OrderByDescending(w => w.Value))
        {
            report.Figure(section, $"state writes per call by {grain}", writes / (double)played, "writes");
        }

        foreach (var (grain, bytes) in run.Storage.MeanStateBytes.OrderByDescending(s => s.Value))
        {
            report.Figure(section, $"mean stored state of {grain} (whole state, every write)", bytes, "bytes");
        }

        var samples = run.Samples;
        var cpu = samples.Zip(samples.Skip(1), (a, b) => b.CpuPercentSince(a)).DefaultIfEmpty(0).ToList();
        report.Figure(section, "silo CPU mean", samples.Count > 1 ? samples[^1].CpuPercentSince(samples[0]) : 0, "% of a core");
        report.Figure(section, "silo CPU peak (1 s)", cpu.Max(), "% of a core");
        report.Figure(section, "silo CPU per call started", samples.Count > 1 ? (samples[^1].CpuTime - samples[0].CpuTime).TotalMilliseconds / played : 0, "ms");
        report.Figure(section, "PostgreSQL CPU per call started (its backends)", run.Storage.BackendCpu.TotalMilliseconds / played, "ms");
        // The load generator (simulator and emulator, this process) shares the two cores: what it takes, the hub cannot.
        report.Figure(section, "load generator CPU mean (simulator and emulator)", run.Generator.Cpu / run.Generator.Window * 100, "% of a core");
        report.Figure(section, "load generator CPU per call started", run.Generator.Cpu.TotalMilliseconds / played, "ms");
        // Whatever reaches the silo during a pause waits it out: the longest pauses bound the latency tail from below.
        var gc = run.GcPauses;
        report.Figure(section, "silo GC pauses", gc.Count, "pauses");
        report.Figure(section, "silo GC pauses of 10 ms or more", gc.AtLeast10Ms, "pauses");
        report.Figure(section, "silo GC pause longest", gc.LongestMs, "ms");
        report.Figure(section, "silo GC paused share of the window", gc.PausedPercent, "%");
        report.Figure(section, "silo RSS peak", samples.Max(s => s.RssMegabytes), "MB");
        report.Figure(section, "silo RSS at the end", samples[^1].RssMegabytes, "MB");
        foreach (var (why, count) in run.Load.Final.Failures)
        {
            report.Note($"{section}: {count} call(s) failed at the PBX: {why}");
        }
    }

    private static double Ratio(double hub, double baseline) => baseline > 0 ? hub / baseline : 0;

    /// <summary>CPU the benchmark process used while it played the load, and for how long it played.</summary>
    private sealed record LoadGeneratorCpu(TimeSpan Cpu, TimeSpan Window);

    private sealed record HubRun(
        LoadResult Load, PortalTraffic Traffic, IReadOnlyList<ProcessSample> Samples, double LifecyclesPerSecond, TimeSpan Landing, StorageCount Storage,
        LoadGeneratorCpu Generator, GcPauses GcPauses)
    {
        public LatencyFigures FirstRequest => LatencyFigures.Of(Traffic.StartToFirstRequest);

        public long Lost => Traffic.Lost;
    }
}
