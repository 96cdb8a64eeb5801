using System.Globalization;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks;

/// <summary>
/// A morning burst: N calls (started, then missed; <c>--lines</c> of them at a time) reach one portal through the real
/// gateway, against the
/// default leaky bucket (50 requests, 2 per second; reference §2.1). Prints how many HTTP requests carried how many
/// Bitrix24 method calls, how long until the last call record landed (wall clock, as the portal logged it), and how
/// that compares with the least time the bucket allows: carrying M method calls takes at least ⌈M/50⌉ requests, of
/// which the bucket lets 50 through at once and then 2 per second. The minimum is floored at one drain interval
/// (0.5 s), the bucket's resolution, so a burst the bucket absorbs whole still has a finite ratio. How long the PBX
/// took to hand the burst over is printed beside it: when the hub takes the events in slower than the bucket drains,
/// that, not the bucket, bounds the time.
/// </summary>
public sealed class DispatchBurstBenchmark : IBenchmark
{
    private const int BatchSize = 50;
    private static readonly string[] Extensions = ["101", "102", "103", "104"];

    public string Name => "dispatch-burst";

    public string Description => "A burst of N calls to one portal under the default bucket: requests, method calls, time to the last record vs the bucket's minimum";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var calls = run.Int("calls", measured: 3000, @short: 20);
        await using var world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));
        var portal = await world.CreatePortalAsync();
        var setup = world.Emulator.Snapshot(portal.MemberId);
        var mark = setup.Requests.IsEmpty ? 0 : setup.Requests[^1].Sequence;
        await using var pbx = await world.ConnectPbxAsync(portal);

        // As many calls in flight as a busy PBX has lines; each call's events in order.
        var lines = new ParallelOptions { MaxDegreeOfParallelism = run.Int("lines", measured: 64, @short: 20), CancellationToken = cancellationToken };
        var startedAt = TimeProvider.System.GetUtcNow();
        await Parallel.ForEachAsync(Enumerable.Range(0, calls), lines, async (i, _) =>
        {
            var callId = $"burst-{i}";
            await pbx.SendAllAsync(
                world.Events.InboundCall(callId, "+4930" + i.ToString("0000000", CultureInfo.InvariantCulture), Extensions[i % Extensions.Length]),
                world.Events.Ended(callId, CallOutcome.NoAnswer));
        });
        var sentAt = TimeProvider.System.GetUtcNow();
        var done = await world.WaitForAsync(portal, p => p.CallLog.Count == calls, $"all {calls} calls in the call log", TimeSpan.FromMinutes(15));

        var requests = done.Requests.Where(r => r.Sequence > mark).ToList();
        var httpRequests = requests.Count(r => r.IsHttpRequest);
        var methodCalls = requests.Count(r => r.Method != "batch");
        var lastRecord = requests.Where(r => r.Method == "telephony.externalcall.finish" && r.StatusCode == 200).Max(r => r.At);
        var seconds = (lastRecord - startedAt).TotalSeconds;
        var (size, drain) = (done.Limits.BucketSize, done.Limits.DrainPerSecond);
        var leastRequests = Math.Ceiling((double)methodCalls / BatchSize);
        var bucketMinimum = Math.Max(0, leastRequests - size) / drain;
        var report = new BenchmarkReport(Name, new Dictionary<string, double>
        {
            ["calls"] = calls,
            ["http_requests"] = httpRequests,
            ["method_calls"] = methodCalls,
            ["method_calls_per_http_request"] = (double)methodCalls / httpRequests,
            ["refused_by_bucket"] = requests.Count(r => r.ErrorCode == "QUERY_LIMIT_EXCEEDED"),
            ["seconds_to_send_burst"] = (sentAt - startedAt).TotalSeconds,
            ["seconds_to_last_record"] = seconds,
            ["seconds_from_last_event_to_last_record"] = (lastRecord - sentAt).TotalSeconds,
            ["bucket_minimum_seconds"] = bucketMinimum,
            ["ratio_to_bucket_minimum"] = seconds / Math.Max(bucketMinimum, 1 / drain),
        });
        report.Print(run.Output);
        return report;
    }
}
