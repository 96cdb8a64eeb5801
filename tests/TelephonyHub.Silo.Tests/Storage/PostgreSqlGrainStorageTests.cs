using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using TelephonyHub.Grains;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Storage.GrainState;
using TelephonyHub.Testing.Logs;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>
/// The hub's batched grain storage on PostgreSQL: Orleans' rows and concurrency rules, many grains' statements per
/// round trip, and a faulty statement that fails alone.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlGrainStorageTests(PostgreSqlFixture postgres)
{
    private const string OrleansAdoNet = "orleans-adonet";
    private const string StateName = "probe";

    private readonly string clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly string serviceId = $"service-{Guid.NewGuid():N}";

    public static TheoryData<string> GrainKeys => new() { "string", "guid", "guid+extension", "integer", "integer+extension" };

    [Theory]
    [MemberData(nameof(GrainKeys))]
    public async Task RowsOfOrleansAdoNetStorage_AreReadAndWrittenByTheHubsStorage_AndTheOtherWayRound(string keyKind)
    {
        var database = await postgres.CreateDatabaseAsync("state_compat");
        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId,
            alsoConfigure: builder => builder.AddAdoNetGrainStorage(OrleansAdoNet, storage => storage.Configure<Serializer>((options, serializer) =>
            {
                options.Invariant = AdoNetInvariant.PostgreSql;
                options.ConnectionString = database;
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            })));
        var hub = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var orleans = silo.Services.GetRequiredKeyedService<IGrainStorage>(OrleansAdoNet);
        Assert.IsType<PostgreSqlGrainStorage>(hub);
        var grainId = GrainIdOf(keyKind);

        var byOrleans = new GrainState<ProbeState> { State = new ProbeState { Note = "written by Orleans", Writes = 1 } };
        await orleans.WriteStateAsync(StateName, grainId, byOrleans);
        var readByHub = new GrainState<ProbeState>();
        await hub.ReadStateAsync(StateName, grainId, readByHub);

        Assert.Equal(byOrleans.State, readByHub.State);
        Assert.Equal(byOrleans.ETag, readByHub.ETag);
        Assert.True(readByHub.RecordExists);

        readByHub.State = new ProbeState { Note = "written by the hub", Writes = 2 };
        await hub.WriteStateAsync(StateName, grainId, readByHub);
        var readByOrleans = new GrainState<ProbeState>();
        await orleans.ReadStateAsync(StateName, grainId, readByOrleans);

        Assert.Equal(new ProbeState { Note = "written by the hub", Writes = 2 }, readByOrleans.State);
        Assert.Equal("2", readByOrleans.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => orleans.WriteStateAsync(StateName, grainId, byOrleans));
        Assert.Equal(1, await RowCountAsync(database));
    }

    [Fact]
    public async Task ClearedState_KeepsItsRowAndVersion_SoAStaleWriterIsStillRejected()
    {
        var database = await postgres.CreateDatabaseAsync("state_clear");
        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var grainId = GrainId.Create("storageprobe", "portal-1");
        var owner = new GrainState<ProbeState> { State = new ProbeState { Note = "tokens", Writes = 1 } };
        await storage.WriteStateAsync(StateName, grainId, owner);
        var stale = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, stale);

        await storage.ClearStateAsync(StateName, grainId, owner);

        Assert.Equal(("2", false, new ProbeState()), (owner.ETag, owner.RecordExists, owner.State));
        stale.State = new ProbeState { Note = "stale", Writes = 9 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));
        var reread = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, reread);
        Assert.Equal(("2", true, new ProbeState()), (reread.ETag, reread.RecordExists, reread.State));
    }

    [Fact]
    public async Task WritesOfManyGrainsAtOnce_AreAllStored_InFewerRoundTripsThanWrites()
    {
        var database = await postgres.CreateDatabaseAsync("state_batches");
        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);
        var batcher = silo.Services.GetRequiredService<RoundTripBatcher>();
        var roundTripsBefore = batcher.RoundTrips;
        const int Grains = 300;

        var states = Enumerable.Range(0, Grains)
            .Select(i => new GrainState<ProbeState> { State = new ProbeState { Note = $"call-{i}", Writes = 1 } })
            .ToArray();
        await Task.WhenAll(states.Select((state, i) => storage.WriteStateAsync(StateName, GrainId.Create("storageprobe", $"call-{i}"), state)));

        Assert.All(states, state => Assert.Equal("1", state.ETag));
        Assert.Equal(Grains, await RowCountAsync(database));
        var read = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, GrainId.Create("storageprobe", "call-123"), read);
        Assert.Equal(new ProbeState { Note = "call-123", Writes = 1 }, read.State);
        Assert.InRange(batcher.RoundTrips - roundTripsBefore, 1, Grains / 2);
    }

    [Fact]
    public async Task AFaultyStatementInABatch_FailsAlone_AndTheOthersAreStored()
    {
        var database = await postgres.CreateDatabaseAsync("state_faulty");
        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId);
        // One round trip at a time: while the first statement sleeps, the next three queue up and leave together.
        var log = new LogLines();
        using var logs = new LoggerFactory([new LogLinesProvider(log)]);
        await using var batcher = new RoundTripBatcher(NpgsqlDataSource.Create(database), 100, 1, logs.CreateLogger<RoundTripBatcher>());
        var storage = new PostgreSqlGrainStorage(batcher, serviceId,
            silo.Services.GetRequiredService<Serializer>(),
            silo.Services.GetRequiredService<IActivatorProvider>());
        var first = new GrainState<ProbeState> { State = new ProbeState { Note = "first", Writes = 1 } };
        var second = new GrainState<ProbeState> { State = new ProbeState { Note = "second", Writes = 1 } };

        var sleeping = batcher.ExecuteAsync(() => new NpgsqlBatchCommand("SELECT pg_sleep(1)"), _ => true);
        await WaitUntilRunningAsync(database, "SELECT pg_sleep(1)");
        var firstWrite = storage.WriteStateAsync(StateName, GrainId.Create("storageprobe", "first"), first);
        var faulty = batcher.ExecuteAsync(() => new NpgsqlBatchCommand("SELECT 1 / 0"), reader => reader.GetInt32(0));
        var secondWrite = storage.WriteStateAsync(StateName, GrainId.Create("storageprobe", "second"), second);

        await Task.WhenAll(sleeping, firstWrite, secondWrite);
        var failure = await Assert.ThrowsAsync<PostgresException>(() => faulty);
        Assert.Equal(PostgresErrorCodes.DivisionByZero, failure.SqlState);
        Assert.Equal(2, await RowCountAsync(database));
        Assert.Equal(("1", "1"), (first.ETag, second.ETag));
        // The three that queued behind the sleeper left together, failed together, and were sent again one by one.
        Assert.Contains(log.Snapshot(), line => line.Contains("batch of 3 statements failed on one of them (22012); sending them one by one"));
        Assert.Equal((3, 3), (batcher.RoundTrips, batcher.Statements));
    }

    [Fact]
    public async Task AStatementAfterShutdown_IsRefusedWithAClearError()
    {
        var database = await postgres.CreateDatabaseAsync("state_closed");
        var batcher = new RoundTripBatcher(NpgsqlDataSource.Create(database), 100, 2, NullLogger<RoundTripBatcher>.Instance);
        var answered = batcher.ExecuteAsync(() => new NpgsqlBatchCommand("SELECT 42"), reader => reader.GetInt32(0));

        await batcher.DisposeAsync();

        Assert.Equal(42, await answered);
        var refused = Assert.Throws<ObjectDisposedException>(void () =>
            _ = batcher.ExecuteAsync(() => new NpgsqlBatchCommand("SELECT 1"), reader => reader.GetInt32(0)));
        Assert.Contains("shutting down", refused.Message);
    }

    /// <summary>Waits until PostgreSQL runs <paramref name="query"/> (its round trip is under way).</summary>
    private static async Task WaitUntilRunningAsync(string database, string query)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((await Sql.RowsAsync(DatabaseProvider.PostgreSql, database,
            "SELECT 1 FROM pg_stat_activity WHERE state = 'active' AND query = @query", ("query", query))).Count == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), timeout.Token);
        }
    }

    private static GrainId GrainIdOf(string keyKind) => keyKind switch
    {
        "string" => GrainId.Create("storageprobe", "portal-7.bitrix24.ru"),
        "guid" => GrainId.Create(GrainType.Create("storageprobe"), GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("0b7c5b1e-6c7a-4a57-9d3e-2f0d9a4a1c11"))),
        "guid+extension" => GrainId.Create(GrainType.Create("storageprobe"), GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("0b7c5b1e-6c7a-4a57-9d3e-2f0d9a4a1c11"), "call-9")),
        "integer" => GrainId.Create(GrainType.Create("storageprobe"), GrainIdKeyExtensions.CreateIntegerKey(42)),
        "integer+extension" => GrainId.Create(GrainType.Create("storageprobe"), GrainIdKeyExtensions.CreateIntegerKey(-42, "ext")),
        _ => throw new ArgumentOutOfRangeException(nameof(keyKind), keyKind, "Unknown key kind."),
    };

    private static async Task<long> RowCountAsync(string database) =>
        (long)(await Sql.RowsAsync(DatabaseProvider.PostgreSql, database, "SELECT count(*) FROM OrleansStorage"))[0][0]!;
}
