using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.PostgreSql;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Retention;

/// <inheritdoc />
[Collection(PostgreSqlCollection.Name)]
public sealed class CallStateRetentionOnPostgreSqlTests(PostgreSqlFixture postgres) : CallStateRetentionScenario
{
    private string _database = null!;

    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override async Task<string?> CreateDatabaseAsync() => _database = await postgres.CreateDatabaseAsync("retention");

    protected override string ConnectionString(TelephonyWorld world) => _database;

    protected override string AgeAllRows(int days) => $"UPDATE OrleansStorage SET ModifiedOn = ModifiedOn - interval '{days} days'";
}
