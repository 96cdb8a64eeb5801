using System.Globalization;
using System.Security.Cryptography;
using System.Threading.Channels;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks;

/// <summary>
/// Click-to-call storms at the hub's Bitrix24 event handler: ONEXTERNALCALLSTART events of many portals posted
/// concurrently, each with its own <c>CALL_ID</c> and its portal's genuine <c>application_token</c> (taken from one real
/// click per portal on the emulator). Every portal's PBX accepts its originates. Prints events/s and the handler's
/// latency percentiles, and how fast the originates reached the PBXs (the work the grains do after answering).
/// </summary>
public sealed class Bitrix24EventsBenchmark : IBenchmark
{
    public string Name => "bitrix24-events";

    public string Description => "ONEXTERNALCALLSTART from many portals at the event handler: events/s, latency percentiles";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var portalCount = run.Int("portals", measured: 20, @short: 2);
        var events = run.Int("events", measured: 10_000, @short: 40);
        var concurrency = run.Int("concurrency", measured: 64, @short: 8);
        await using var world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var originates = new OriginateCount(events);
        var portals = new List<(PbxTestClient Pbx, IReadOnlyList<EventField> Template)>();
        var ackers = new List<Task>();
        try
        {
            for (var i = 0; i < portalCount; i++)
            {
                var portal = await world.CreatePortalAsync();
                await world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings { BucketDisabled = true, OperatingDisabled = true }, cancellationToken);
                var pbx = await world.ConnectPbxAsync(portal);
                var click = await world.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Anna, "+49301234567"), cancellationToken);
                await pbx.AcknowledgeAsync(await pbx.NextCommandAsync("the originate of the template click"));
                portals.Add((pbx, click.Deliveries.Single().Fields));
                ackers.Add(AcceptOriginatesAsync(pbx, originates, stop.Token));
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

            var sorted = latencies.SelectMany(l => l).Order().ToArray();
            var report = new BenchmarkReport(Name, new Dictionary<string, double>
            {
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
                ["clicks_failed"] = world.Hub.Logs.Snapshot().Count(line => line.Contains("could not be placed", StringComparison.Ordinal)),
            });
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
