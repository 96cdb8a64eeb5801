using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>
/// The Orleans ADO.NET membership table and gateway list themselves on our PostgreSQL schema, step by step: what a
/// silo joining, being suspected, dying and being cleaned up does to the table.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMembershipTableTests(PostgreSqlFixture postgres)
{
    private static readonly DateTime Started = new(2030, 1, 2, 8, 0, 0, DateTimeKind.Utc);

    private readonly string clusterId = $"cluster-{Guid.NewGuid():N}";

    [Fact]
    public async Task MembershipWrites_SucceedOnlyAtTheVersionTheWriterRead()
    {
        var table = await MembershipTableAsync(await postgres.CreateDatabaseAsync("membership"));
        var empty = await table.ReadAllAsync();
        var first = Member(11111, SiloStatus.Joining);
        var second = Member(11112, SiloStatus.Joining);

        Assert.Empty(empty.Members);
        Assert.True(await table.InsertRowAsync(first, empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(second, empty.Version.Next())); // read before the first insert

        var afterInsert = await table.ReadAllAsync();
        var (stored, etag) = Assert.Single(afterInsert.Members);
        Assert.Equal(
            (first.SiloAddress, first.SiloName, first.HostName, first.Status, first.ProxyPort, first.StartTime, first.IAmAliveTime),
            (stored.SiloAddress, stored.SiloName, stored.HostName, stored.Status, stored.ProxyPort, stored.StartTime, stored.IAmAliveTime));

        var suspected = first.WithStatusAndSuspicion(SiloStatus.Active, second.SiloAddress, Started.AddMinutes(1));
        Assert.True(await table.UpdateRowAsync(suspected, etag, afterInsert.Version.Next()));
        Assert.False(await table.UpdateRowAsync(first, etag, afterInsert.Version.Next())); // stale again

        await table.UpdateIAmAliveAsync(first.AliveAt(Started.AddMinutes(2)));

        var (read, _) = Assert.Single((await table.ReadRowAsync(first.SiloAddress)).Members);
        Assert.Equal(SiloStatus.Active, read.Status);
        Assert.Equal(Started.AddMinutes(2), read.IAmAliveTime);
        Assert.NotNull(read.SuspectTimes);
        var (suspecter, suspectedAt) = Assert.Single(read.SuspectTimes);
        Assert.Equal((second.SiloAddress, Started.AddMinutes(1)), (suspecter, suspectedAt));
        Assert.Equal(afterInsert.Version.Version + 1, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Gateways_AreTheActiveSilosThatRunOne()
    {
        var database = await postgres.CreateDatabaseAsync("gateways");
        var table = await MembershipTableAsync(database);
        await InsertAsync(table, Member(11111, SiloStatus.Active, proxyPort: 30001));
        await InsertAsync(table, Member(11112, SiloStatus.Active, proxyPort: 0));
        await InsertAsync(table, Member(11113, SiloStatus.Dead, proxyPort: 30003));
        var gateways = new AdoNetGatewayListProvider(
            NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = AdoNetInvariant.PostgreSql, ConnectionString = database }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "hub" }));
        await gateways.InitializeGatewayListProviderAsync();

        var uri = Assert.Single(await gateways.GetGatewaysAsync());

        Assert.Equal((IPAddress.Loopback.ToString(), 30001), (uri.Host, uri.Port));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // an older schema without the per-row query: Orleans falls back to the bulk one
    public async Task DefunctSilos_AreCleanedUp_LiveOnesKept(bool withPerRowQuery)
    {
        var database = await postgres.CreateDatabaseAsync("cleanup");
        if (!withPerRowQuery)
        {
            await Sql.ExecuteAsync(DatabaseProvider.PostgreSql, database,
                "DELETE FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntryKey'");
        }

        var table = await MembershipTableAsync(database);
        var live = Member(11111, SiloStatus.Active);
        var dead = Member(11112, SiloStatus.Joining);
        await InsertAsync(table, live);
        await InsertAsync(table, dead);
        var snapshot = await table.ReadAllAsync();
        var deadEtag = snapshot.Members.Single(member => member.Item1.SiloAddress.Equals(dead.SiloAddress)).Item2;
        Assert.True(await table.UpdateRowAsync(
            dead.WithStatusAndSuspicion(SiloStatus.Dead, live.SiloAddress, Started.AddMinutes(1)), deadEtag, snapshot.Version.Next()));

        await table.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Started.AddHours(1)));

        var (remaining, _) = Assert.Single((await table.ReadAllAsync()).Members);
        Assert.Equal(live.SiloAddress, remaining.SiloAddress);
    }

    [Fact]
    public async Task DeletingTheCluster_RemovesItsMembersAndVersion()
    {
        var database = await postgres.CreateDatabaseAsync("delete_cluster");
        var table = await MembershipTableAsync(database);
        await InsertAsync(table, Member(11111, SiloStatus.Active));

        await table.DeleteMembershipTableEntriesAsync(clusterId);

        var remaining = await Sql.RowsAsync(DatabaseProvider.PostgreSql, database,
            "SELECT (SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @cluster), " +
            "(SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster)",
            ("cluster", clusterId));
        Assert.Equal([0L, 0L], Assert.Single(remaining));
    }

    private async Task<AdoNetClusteringTable> MembershipTableAsync(string database)
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = clusterId, ServiceId = "hub" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = AdoNetInvariant.PostgreSql, ConnectionString = database }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static async Task InsertAsync(AdoNetClusteringTable table, MembershipEntry entry) =>
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

    private static MembershipEntry Member(int port, SiloStatus status, int proxyPort = 0) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, generation: 42),
        SiloName = $"silo-{port}",
        HostName = "hub-host",
        Status = status,
        ProxyPort = proxyPort,
        StartTime = Started,
        IAmAliveTime = Started,
    };
}
