using System.Globalization;
using System.Net;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Silo.Settings;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks;

/// <summary>
/// Sequential queues at load, on the real clock: many calls at once on one portal (one presence grain, one dispatch),
/// each on its own line whose queue has four operators nobody answers, so every call walks four steps and is missed.
/// Prints how far the steps land from their plan (call start + k × step time): the cards as the portal emulator saw
/// them (show and hide, through the dispatch) and the ring commands as the PBX received them.
/// </summary>
public sealed class QueueStepTimingBenchmark : IBenchmark
{
    private const int MembersPerQueue = 4;

    public string Name => "queue-step-timing";

    public string Description => "Sequential queue steps at load: planned vs actual card show/hide and ring times";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var calls = run.Int("calls", measured: 50, @short: 2);
        var step = TimeSpan.FromMilliseconds(run.Int("step-ms", measured: 2000, @short: 1000));

        // Bitrix24's rate limit is not what is measured here: lifted on the portal and in the hub's mirror of it.
        var hubSettings = new Dictionary<string, string> { ["Dispatch:BucketCapacity"] = "10000", ["Dispatch:BucketDrainPerSecond"] = "1000" };
        await using var world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings), extra: hubSettings);
        var portal = await world.CreatePortalAsync(users: Operators(calls));
        await world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings { BucketDisabled = true, OperatingDisabled = true }, cancellationToken);
        await ConfigureQueuesAsync(world, portal, calls, step);
        await using var pbx = await world.ConnectPbxAsync(portal);

        var commands = ReceiveCommandsAsync(pbx, world.Time, calls * (MembersPerQueue + 1), step);
        var starts = new Dictionary<string, DateTimeOffset>();
        for (var call = 0; call < calls; call++)
        {
            var callId = $"queued-{call}";
            starts[callId] = world.Time.GetUtcNow();
            await pbx.SendAsync(world.Events.InboundCall(callId, "+4930" + (4_000_000 + call).ToString(CultureInfo.InvariantCulture), line: Line(call)));
        }

        var done = await world.WaitForAsync(portal, p => p.CallLog.Count == calls, $"all {calls} queued calls missed and finished",
            step * (MembersPerQueue + 1) + TimeSpan.FromMinutes(2));
        var cardErrors = CardErrors(done, starts, step);
        var ringErrors = RingErrors(await commands, starts, step);

        var figures = new Dictionary<string, double>
        {
            ["calls_at_once"] = calls,
            ["step_ms"] = step.TotalMilliseconds,
            ["card_changes"] = cardErrors.Count,
            ["ring_commands"] = ringErrors.Count,
        };
        Add(figures, "card_error", cardErrors);
        Add(figures, "ring_error", ringErrors);
        var report = new BenchmarkReport(Name, figures);
        report.Print(run.Output);
        return report;
    }

    private static PortalUser[] Operators(int calls) =>
    [
        new(TestUsers.Admin, "Alex", "Admin") { IsAdmin = true },
        .. Enumerable.Range(0, calls * MembersPerQueue).Select(i =>
            new PortalUser(100 + i, "Operator", i.ToString(CultureInfo.InvariantCulture), (1000 + i).ToString(CultureInfo.InvariantCulture))),
    ];

    private static async Task ConfigureQueuesAsync(TelephonyWorld world, TestPortal portal, int calls, TimeSpan step)
    {
        var session = await world.AdminSessionAsync(portal);
        for (var call = 0; call < calls; call++)
        {
            var members = Enumerable.Range(call * MembersPerQueue, MembersPerQueue).Select(i => 100L + i).ToArray();
            var (status, body) = await world.PutQueueAsync(portal, new QueueJson(Line(call), $"Queue {call}", "sequential", members, step.TotalSeconds, 1, null), session);
            if (status != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"Queue {call} was refused: {body}");
            }
        }
    }

    private static async Task<List<(DateTimeOffset At, PbxCommand Command)>> ReceiveCommandsAsync(PbxTestClient pbx, TimeProvider time, int expected, TimeSpan step)
    {
        var received = new List<(DateTimeOffset, PbxCommand)>(expected);
        while (received.Count < expected)
        {
            var command = await pbx.NextCommandAsync($"{expected} ring and hang-up commands, got {received.Count}", step + TimeSpan.FromSeconds(30));
            received.Add((time.GetUtcNow(), command));
        }

        return received;
    }

    /// <summary>Per call: show of member k at k steps, its hide (with the next one's show) at k + 1 steps.</summary>
    private static List<double> CardErrors(PortalSnapshot snapshot, Dictionary<string, DateTimeOffset> starts, TimeSpan step)
    {
        var errors = new List<double>();
        foreach (var (callId, start) in starts)
        {
            var bitrix24CallId = snapshot.CallLog.Single(r => r.ExternalCallId == callId).CallId;
            var changes = snapshot.CardTimeline.Where(c => c.CallId == bitrix24CallId).ToList();
            if (changes.Count != 2 * MembersPerQueue)
            {
                throw new InvalidOperationException($"Call {callId} had {changes.Count} card changes, expected {2 * MembersPerQueue}.");
            }

            errors.AddRange(changes.Select((change, index) => (change.At - (start + ((index + 1) / 2) * step)).TotalMilliseconds));
        }

        return errors;
    }

    /// <summary>Per call: ring k at k steps, the hang-up (nobody answered) at the last step's end.</summary>
    private static List<double> RingErrors(List<(DateTimeOffset At, PbxCommand Command)> commands, Dictionary<string, DateTimeOffset> starts, TimeSpan step)
    {
        var errors = new List<double>();
        foreach (var group in commands.GroupBy(c => c.Command.KindCase == PbxCommand.KindOneofCase.RingExtensions ? c.Command.RingExtensions.CallId : c.Command.HangUpCall.CallId))
        {
            var start = starts[group.Key];
            errors.AddRange(group.Select((command, index) => (command.At - (start + index * step)).TotalMilliseconds));
        }

        return errors;
    }

    private static void Add(Dictionary<string, double> figures, string name, List<double> errors)
    {
        errors.Sort();
        figures[$"{name}_p50_ms"] = Percentile(errors, 0.50);
        figures[$"{name}_p95_ms"] = Percentile(errors, 0.95);
        figures[$"{name}_p99_ms"] = Percentile(errors, 0.99);
        figures[$"{name}_max_ms"] = errors.Count == 0 ? 0 : errors[^1];
        figures[$"{name}_min_ms"] = errors.Count == 0 ? 0 : errors[0];
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Line(int call) => $"Q{call}";
}
