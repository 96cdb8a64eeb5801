using Microsoft.Extensions.Logging.Abstractions;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSchemaTests(PostgreSqlFixture postgres)
{
    private const DatabaseProvider PostgreSql = DatabaseProvider.PostgreSql;

    [Fact]
    public async Task Schema_AppliedAgain_RestoresQueriesAndKeepsData()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("schema_again");
        var first = await DatabaseSchemaInstaller.ApplyAsync(PostgreSql, database, NullLogger.Instance, CancellationToken.None);
        await Sql.ExecuteAsync(PostgreSql, database, "UPDATE OrleansQuery SET QueryText = 'broken' WHERE QueryKey = 'WriteToStorageKey'");
        await Sql.ExecuteAsync(PostgreSql, database,
            "INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version) " +
            "VALUES ('hub', 'call/1', 'recording-wait', now(), 60000, 7, 0)");

        var second = await DatabaseSchemaInstaller.ApplyAsync(PostgreSql, database, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(["01-main.sql", "02-clustering.sql", "03-persistence.sql", "04-reminders.sql", "05-data-protection.sql", "06-recordings.sql"], second.Scripts);
        Assert.Equal(first.QueryKeys, second.QueryKeys);
        Assert.Contains("UPDATE OrleansStorage", (await Sql.QueriesAsync(PostgreSql, database))["WriteToStorageKey"]);
        Assert.Single(await Sql.RowsAsync(PostgreSql, database, "SELECT GrainId FROM OrleansRemindersTable"));
    }

    [Fact]
    public async Task Schema_CreatesTheTablesTheOrleansProvidersUse()
    {
        var database = await postgres.CreateDatabaseAsync("schema_tables");

        var tables = await Sql.RowsAsync(PostgreSql, database,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");

        Assert.Equal(
            ["orleansmembershiptable", "orleansmembershipversiontable", "orleansquery", "orleansreminderstable", "orleansstorage", "telephonyhubdataprotectionkeys",
             "telephonyhubrecordingchunks", "telephonyhubrecordings"],
            tables.Select(row => (string)row[0]!));
    }

    [Fact]
    public async Task Schema_ProvidesEveryQueryOfTheContract_UsingOnlyBoundParameters()
    {
        var database = await postgres.CreateDatabaseAsync("schema_contract");

        var queries = await Sql.QueriesAsync(PostgreSql, database);

        Assert.Empty(OrleansQueryContract.PostgreSql.Keys.Except(queries.Keys));
        Assert.All(OrleansQueryContract.PostgreSql, contract =>
            Assert.Empty(QueryText.Parameters(queries[contract.Key]).Except(contract.Value)));
    }
}
