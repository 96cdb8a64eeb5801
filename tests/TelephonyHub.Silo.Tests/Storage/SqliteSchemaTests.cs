using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

public sealed class SqliteSchemaTests : IDisposable
{
    private const DatabaseProvider Sqlite = DatabaseProvider.Sqlite;

    private readonly DirectoryInfo dataDirectory = Directory.CreateTempSubdirectory("telephonyhub-sqlite-");

    [Fact]
    public async Task Schema_AppliedAgain_RestoresQueriesAndKeepsData()
    {
        var options = OptionsFor(Path.Combine(dataDirectory.FullName, "first-run"));
        var first = await DatabaseSchemaInstaller.ApplyAsync(options, NullLogger.Instance, CancellationToken.None);
        var database = options.GetConnectionString();
        await Sql.ExecuteAsync(Sqlite, database, "UPDATE OrleansQuery SET QueryText = 'broken' WHERE QueryKey = 'WriteToStorageKey'");
        await Sql.ExecuteAsync(Sqlite, database,
            "INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version) " +
            "VALUES ('hub', 'call/1', 'recording-wait', CURRENT_TIMESTAMP, 60000, 7, 0)");

        var second = await DatabaseSchemaInstaller.ApplyAsync(options, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(["01-main.sql", "02-persistence.sql", "03-reminders.sql", "04-data-protection.sql", "05-recordings.sql"], second.Scripts);
        Assert.Equal(first.QueryKeys, second.QueryKeys);
        Assert.Equal(options.SqliteDatabasePath, second.Database);
        Assert.Contains("UPDATE OrleansStorage", (await Sql.QueriesAsync(Sqlite, database))["WriteToStorageKey"]);
        Assert.Single(await Sql.RowsAsync(Sqlite, database, "SELECT GrainId FROM OrleansRemindersTable"));
    }

    [Fact]
    public async Task Schema_CreatesTheDataFolderAndSwitchesTheFileToWal()
    {
        var options = OptionsFor(Path.Combine(dataDirectory.FullName, "not", "there", "yet"));

        await DatabaseSchemaInstaller.ApplyAsync(options, NullLogger.Instance, CancellationToken.None);

        Assert.True(File.Exists(options.SqliteDatabasePath), $"expected the database file at {options.SqliteDatabasePath}");
        var journalMode = await Sql.RowsAsync(Sqlite, options.GetConnectionString(), "PRAGMA journal_mode;");
        Assert.Equal("wal", journalMode.Single()[0]);
    }

    [Fact]
    public async Task Schema_ProvidesEveryStorageAndReminderQuery_UsingOnlyBoundParameters()
    {
        var options = OptionsFor(dataDirectory.FullName);
        await DatabaseSchemaInstaller.ApplyAsync(options, NullLogger.Instance, CancellationToken.None);

        var queries = await Sql.QueriesAsync(Sqlite, options.GetConnectionString());

        Assert.Empty(OrleansQueryContract.Sqlite.Keys.Except(queries.Keys));
        Assert.All(OrleansQueryContract.Sqlite, contract =>
            Assert.Empty(QueryText.Parameters(queries[contract.Key]).Except(contract.Value)));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the files open
        dataDirectory.Delete(recursive: true);
    }

    private static StorageOptions OptionsFor(string directory) => new() { DataDirectory = directory };
}
