using TelephonyHub.PbxSimulator.Load;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.PostgreSql;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks;

/// <summary>
/// One portal, one PBX stream, many calls at once (a call centre behind one PBX): the simulator's load engine plays
/// scenario 1 calls at a fixed rate to an in-process hub (embedded SQLite, or PostgreSQL with --postgres=1), limits lifted. Shows whether events
/// of different calls on one stream are applied side by side, as the contract allows, or one after another.
/// </summary>
public sealed class OneStreamLoadBenchmark : IBenchmark
{
    public string Name => "one-stream-load";

    public string Description => "Scenario 1 calls at a fixed rate on one PBX stream: lifecycles/s completed, event ack p50/p99";

    public async Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken)
    {
        var rate = run.Int("rate", measured: 100, @short: 10);
        var seconds = run.Int("seconds", measured: 20, @short: 2);
        // --postgres=1: the production storage (a throwaway server from the installed binaries) instead of SQLite.
        await using var postgreSql = run.Int("postgres", measured: 0, @short: 0) == 1 ? await PostgreSqlServer.StartAsync(cancellationToken) : null;
        var database = postgreSql is null ? null : await postgreSql.CreateDatabaseAsync(PostgreSqlServer.UniqueDatabaseName("onestream"), cancellationToken: cancellationToken);
        await using var world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings), database);
        var portal = await world.CreatePortalAsync();
        await world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings { BucketDisabled = true, OperatingDisabled = true }, cancellationToken);
        var options = new LoadOptions
        {
            CallsPerSecond = rate,
            Duration = TimeSpan.FromSeconds(seconds),
            DrainTimeout = TimeSpan.FromSeconds(120),
            Mix = CallMix.Only(CallKind.Direct),
            RingTime = Distribution.Fixed(TimeSpan.FromMilliseconds(200)),
            TalkTime = Distribution.Fixed(TimeSpan.FromMilliseconds(500)),
            AckTimeout = TimeSpan.FromSeconds(120),
        };

        var result = await new LoadEngine(options, TimeProvider.System).RunAsync(world.Settings.GrpcAddress, [portal.ApiKey], cancellationToken);
        var final = result.Final;
        var report = new BenchmarkReport(Name, new Dictionary<string, double>
        {
            ["target_calls_per_second"] = rate,
            ["calls_started"] = final.Started,
            ["calls_completed"] = final.Completed,
            ["calls_failed"] = final.Failed,
            ["lifecycles_completed_per_second"] = final.Completed / final.Elapsed.TotalSeconds,
            ["event_ack_p50_ms"] = final.AckP50.TotalMilliseconds,
            ["event_ack_p99_ms"] = final.AckP99.TotalMilliseconds,
        });
        report.Print(run.Output);
        return report;
    }
}
