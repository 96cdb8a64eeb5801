using System.Diagnostics;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks;

/// <summary>
/// Scenario 1 in a loop: calls to an extension (start, answer, end) sent over one PBX stream to an in-process hub on
/// the embedded default, against a portal whose limits are lifted so Bitrix24 is not the bottleneck. Prints call
/// lifecycles per second and Bitrix24 HTTP requests per call.
/// </summary>
public sealed class CallToExtensionBenchmark : IBenchmark
{
    public string Name => "call-to-extension";

    public string Description => "Scenario 1 calls through the real gateway: lifecycles/s, Bitrix24 requests per call";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var calls = run.Int("calls", measured: 500, @short: 10);
        await using var world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));
        var portal = await world.CreatePortalAsync();
        await world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings { BucketDisabled = true, OperatingDisabled = true }, cancellationToken);
        var before = world.Emulator.Snapshot(portal.MemberId).Requests.Count(r => r.IsHttpRequest);
        await using var pbx = await world.ConnectPbxAsync(portal);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var callId = $"bench-{i}";
            await pbx.SendAllAsync(
                world.Events.InboundCall(callId, "+4930100" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture), "101"),
                world.Events.Answered(callId, "101"),
                world.Events.Ended(callId, CallOutcome.Answered, talkSeconds: 30));
        }

        var done = await world.WaitForAsync(portal, p => p.CallLog.Count == calls, $"all {calls} calls in the call log", TimeSpan.FromMinutes(5));
        clock.Stop();
        var httpRequests = done.Requests.Count(r => r.IsHttpRequest) - before;
        var report = new BenchmarkReport(Name, new Dictionary<string, double>
        {
            ["calls"] = calls,
            ["seconds"] = clock.Elapsed.TotalSeconds,
            ["call_lifecycles_per_second"] = calls / clock.Elapsed.TotalSeconds,
            ["bitrix24_http_requests_per_call"] = (double)httpRequests / calls,
        });
        report.Print(run.Output);
        return report;
    }
}
