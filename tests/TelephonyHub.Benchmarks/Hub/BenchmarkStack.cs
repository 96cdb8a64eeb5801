using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.Silo.Settings;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.PostgreSql;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// The production shape on this machine: PostgreSQL (started from the installed binaries), one silo as its own
/// process (so its CPU and memory are its own), the portal emulator, and N portals with the app installed and a PBX
/// key each. The emulator and the simulator run in the benchmark process and share its clock.
/// </summary>
public sealed class BenchmarkStack : IAsyncDisposable
{
    private readonly PostgreSqlServer _postgreSql;

    private BenchmarkStack(PostgreSqlServer postgreSql, string database, TelephonyWorld world, HubProcess hub)
    {
        _postgreSql = postgreSql;
        Storage = new StorageCounters(database);
        World = world;
        Hub = hub;
        Sampler = new ProcessSampler(hub.ProcessId, TimeProvider.System);
    }

    public TelephonyWorld World { get; }

    public HubProcess Hub { get; }

    public ProcessSampler Sampler { get; }

    public StorageCounters Storage { get; }

    public List<TestPortal> Portals { get; } = [];

    public static async Task<BenchmarkStack> StartAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var postgreSql = await PostgreSqlServer.StartAsync(cancellationToken);
        try
        {
            var database = await postgreSql.CreateDatabaseAsync(PostgreSqlServer.UniqueDatabaseName("bench"), cancellationToken: cancellationToken);
            HubProcess? hub = null;
            var world = await TelephonyWorld.StartAsync(async settings => hub = await HubProcess.StartAsync(settings), database);
            output.WriteLine($"PostgreSQL on port {postgreSql.Port}, hub process {hub!.ProcessId} (gRPC {world.Settings.GrpcAddress}), emulator {world.Emulator.BaseUri}");
            return new BenchmarkStack(postgreSql, database, world, hub);
        }
        catch
        {
            await postgreSql.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates portals until there are <paramref name="count"/>, each installed the production way, limits raised.</summary>
    public async Task AddPortalsAsync(int count, TextWriter output, CancellationToken cancellationToken)
    {
        var lifted = new LimitSettings { BucketDisabled = true, OperatingDisabled = true };
        var created = 0;
        var portals = new TestPortal[count - Portals.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, portals.Length),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                portals[i] = await World.CreatePortalAsync();
                await World.Emulator.Admin.SetLimitsAsync(portals[i].MemberId, lifted, token);
                if (Interlocked.Increment(ref created) % 500 == 0)
                {
                    output.WriteLine($"  {created} portals installed");
                }
            });
        Portals.AddRange(portals);
    }

    /// <summary>
    /// Gives every portal a sequential default queue over its four operators, <paramref name="step"/> per step, saved
    /// the way a portal admin saves it (settings page session, queue API): queued calls then walk steps the hub times.
    /// </summary>
    public async Task AddSequentialQueuesAsync(TimeSpan step, CancellationToken cancellationToken)
    {
        long[] operators = [TestUsers.Anna, TestUsers.Boris, TestUsers.Clara, TestUsers.Dmitri];
        var queue = new QueueJson(null, "Benchmark queue", "sequential", operators, step.TotalSeconds, 1, null);
        await Parallel.ForEachAsync(Portals, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (portal, _) => await World.ConfigureQueueAsync(portal, queue));
    }

    /// <summary>Puts every portal on its plan's real Bitrix24 limits (reference §2.1) or lifts them again.</summary>
    public async Task SetLimitsAsync(bool real, CancellationToken cancellationToken)
    {
        var limits = real ? LimitSettings.For(PortalEmulator.Portals.PortalPlan.Ordinary) : new LimitSettings { BucketDisabled = true, OperatingDisabled = true };
        await Parallel.ForEachAsync(Portals, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (portal, token) => await World.Emulator.Admin.SetLimitsAsync(portal.MemberId, limits, token));
    }

    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        await _postgreSql.DisposeAsync();
    }
}
