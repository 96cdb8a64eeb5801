using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlClusterTests(PostgreSqlFixture postgres)
{
    private static readonly TimeSpan FormationTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TwoSilos_OnOneDatabase_FormOneCluster_AndRunEachOthersGrains()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("cluster");
        var clusterId = $"cluster-{Guid.NewGuid():N}";
        var serviceId = $"service-{Guid.NewGuid():N}";
        await using var first = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId, "silo-1");
        await using var second = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId, "silo-2");

        await first.WaitForActiveSilosAsync(2, FormationTimeout);
        var members = await Sql.RowsAsync(DatabaseProvider.PostgreSql, database,
            "SELECT SiloName FROM OrleansMembershipTable WHERE DeploymentId = @cluster AND Status = @active ORDER BY SiloName",
            ("cluster", clusterId), ("active", (int)SiloStatus.Active));
        Assert.Equal(["silo-1", "silo-2"], members.Select(member => (string?)member[0]));

        // Activated through silo 2, called through silo 1: the call must find the activation on silo 2.
        var id = Guid.NewGuid();
        var home = await second.Grains.GetGrain<ISiloIdentityGrain>(id).GetSiloAsync();
        var ranOn = await first.Grains.GetGrain<ISiloIdentityGrain>(id).GetSiloAsync();

        Assert.Equal(second.Address, home);
        Assert.Equal(second.Address, ranOn);
    }
}
