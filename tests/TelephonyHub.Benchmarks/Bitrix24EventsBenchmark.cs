using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using TelephonyHub.Benchmarks.Hub;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.PostgreSql;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks;

/// <summary>
/// Click-to-call storms at the hub's Bitrix24 event handler: ONEXTERNALCALLSTART events of many portals posted
/// concurrently, each with its own <c>CALL_ID</c> and its portal's genuine <c>application_token</c> (taken from one real
/// click per portal on the emulator). Every portal's PBX accepts its originates. Prints events/s and the handler's
/// latency percentiles, and how fast the originates reached the PBXs (the work the grains do after answering).
/// With <c>--hub=process</c> the hub runs as its own process, so its CPU per event is measured apart from the load
/// generator's (the emulator, the PBXs and the HTTP client share the two cores with it).
/// </summary>
public sealed class Bitrix24EventsBenchmark : IBenchmark
{
    public string Name => "bitrix24-events";

    public string Description => "ONEXTERNALCALLSTART from many portals at the event handler: events/s, latency percentiles";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        // Many portals with a few clicks each, as in production: one portal's originates go through its one PBX link.
        var portalCount = run.Int("portals", measured: 40, @short: 2);
        var events = run.Int("events", measured: 4_000, @short: 40);
        var concurrency = run.Int("concurrency", measured: 64, @short: 8);
        // --storage=postgresql measures on the production storage; the default is the embedded SQLite file, whose
        // single writer bounds how fast clicks are stored.
        await using var postgreSql = run.Arguments.GetValueOrDefault("storage") == "postgresql" ? await PostgreSqlServer.StartAsync(cancellationToken) : null;
        var connectionString = postgreSql is null ? null : await postgreSql.CreateDatabaseAsync(PostgreSqlServer.UniqueDatabaseName("bench"), cancellationToken: cancellationToken);
        HubProcess? hubProcess = null;
        await using var world = run.Arguments.GetValueOrDefault("hub") == "process"
            ? await TelephonyWorld.StartAsync(async settings => hubProcess = await HubProcess.StartAsync(settings), postgreSql: connectionString)
            : await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings), postgreSql: connectionString);
        var hubCpu = hubProcess is null ? null : new ProcessSampler(hubProcess.ProcessId, TimeProvider.System);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var originates = new OriginateCount(events);
        var portals = new List<(PbxTestClient Pbx, IReadOnlyList<EventField> Template)>();
        var ackers = new List<Task>();
        try
        {
            // Portals are set up four at a time: an install waits mostly on its user sync.
            for (var batch = 0; batch < portalCount; batch += 4)
            {
                var ready = await Task.WhenAll(Enumerable.Range(batch, Math.Min(4, portalCount - batch)).Select(_ => PortalAsync(world, cancellationToken)));
                portals.AddRange(ready);
                ackers.AddRange(ready.Select(p => AcceptOriginatesAsync(p.Pbx, originates, stop.Token)));
            }

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = world.Settings.HttpAddress };
            var bodies = Channel.CreateUnbounded<IReadOnlyList<EventField>>();
            for (var i = 0; i < events; i++)
            {
                bodies.Writer.TryWrite(portals[i % portals.Count].Template.Select(f => f.Name == "data[CALL_ID]" ? f with { Value = NewCallId() } : f).ToList());
            }

            bodies.Writer.Complete();
            var latencies = new List<TimeSpan>[concurrency];
            var refused = 0;
            var logLinesBefore = world.Hub.Logs.Snapshot().Count;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var hubCpuBefore = hubCpu?.Sample().CpuTime ?? TimeSpan.Zero;
            var started = TimeProvider.System.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
            {
                latencies[worker] = [];
                await foreach (var fields in bodies.Reader.ReadAllAsync(cancellationToken))
                {
                    var sent = TimeProvider.System.GetTimestamp();
                    using var content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
                    using var response = await http.PostAsync("bitrix24/events", content, cancellationToken);
                    latencies[worker].Add(TimeProvider.System.GetElapsedTime(sent));
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref refused);
                    }
                }
            }));
            var posted = TimeProvider.System.GetElapsedTime(started);
            // Clicks that fail (the PBX too slow to acknowledge within the timeout) send no originate: wait for the
            // rest only as long as a click may take, then report what arrived.
            await Task.WhenAny(originates.AllReceived, Task.Delay(TimeSpan.FromSeconds(30), TimeProvider.System, cancellationToken));
            var placed = TimeProvider.System.GetElapsedTime(started);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var hubCpuUsed = (hubCpu?.Sample().CpuTime ?? TimeSpan.Zero) - hubCpuBefore;
            var logLines = world.Hub.Logs.Snapshot();

            var sorted = latencies.SelectMany(l => l).Order().ToArray();
            var figures = new Dictionary<string, double>
            {
                ["storage_postgresql"] = postgreSql is null ? 0 : 1,
                ["portals"] = portalCount,
                ["events"] = events,
                ["concurrency"] = concurrency,
                ["events_refused"] = refused,
                ["seconds_posting"] = posted.TotalSeconds,
                ["events_per_second"] = events / posted.TotalSeconds,
                ["latency_p50_ms"] = Percentile(sorted, 0.50),
                ["latency_p90_ms"] = Percentile(sorted, 0.90),
                ["latency_p99_ms"] = Percentile(sorted, 0.99),
                ["latency_max_ms"] = sorted[^1].TotalMilliseconds,
                ["originates_received"] = originates.Count,
                ["originates_per_second"] = originates.Count / placed.TotalSeconds,
                ["clicks_failed"] = logLines.Count(line => line.Contains("could not be placed", StringComparison.Ordinal)),
                // CPU of the whole process (hub, emulator, PBX clients, HTTP client) per event: unlike rates, it does not
                // depend on how busy the machine is.
                ["process_cpu_ms_per_event"] = cpu.TotalMilliseconds / events,
                ["hub_log_lines_per_event"] = (double)(logLines.Count - logLinesBefore) / events,
            };
            if (hubCpu is not null)
            {
                // The hub's own CPU per event; the process figure above is then the load generator's alone.
                figures["hub_process_cpu_ms_per_event"] = hubCpuUsed.TotalMilliseconds / events;
            }

            var report = new BenchmarkReport(Name, figures);
            report.Print(run.Output);
            return report;
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var (pbx, _) in portals)
            {
                await pbx.DisposeAsync();
            }

            await Task.WhenAll(ackers);
        }
    }

    /// <summary>A portal without rate limits, its PBX connected, and the event of one genuine click as the template.</summary>
    private static async Task<(PbxTestClient Pbx, IReadOnlyList<EventField> Template)> PortalAsync(TelephonyWorld world, CancellationToken cancellationToken)
    {
        var portal = await world.CreatePortalAsync();
        await world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings { BucketDisabled = true, OperatingDisabled = true }, cancellationToken);
        var pbx = await world.ConnectPbxAsync(portal);
        var click = await world.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Anna, "+49301234567"), cancellationToken);
        await pbx.AcknowledgeAsync(await pbx.NextCommandAsync("the originate of the template click"));
        return (pbx, click.Deliveries.Single().Fields);
    }

    /// <summary>Plays a PBX that accepts every originate it is sent, counting them.</summary>
    private static async Task AcceptOriginatesAsync(PbxTestClient pbx, OriginateCount count, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var command = await pbx.NextCommandAsync("an originate of the storm", TimeSpan.FromMinutes(10)).WaitAsync(cancellationToken);
                await pbx.AcknowledgeAsync(command);
                count.Received();
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // The benchmark is over and the PBX disconnected.
        }
    }

    private static double Percentile(TimeSpan[] sorted, double percentile) =>
        sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile * sorted.Length) - 1)].TotalMilliseconds;

    private static string NewCallId() => string.Create(CultureInfo.InvariantCulture,
        $"externalCall.{RandomNumberGenerator.GetHexString(32, lowercase: true)}.{TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()}");

    private sealed class OriginateCount(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _received;

        public Task AllReceived => _all.Task;

        public int Count => Volatile.Read(ref _received);

        public void Received()
        {
            if (Interlocked.Increment(ref _received) >= expected)
            {
                _all.TrySetResult();
            }
        }
    }
}
