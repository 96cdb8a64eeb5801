using Microsoft.Data.Sqlite;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Retention;

/// <inheritdoc />
public sealed class CallStateRetentionOnSqliteTests : CallStateRetentionScenario
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);

    protected override string ConnectionString(TelephonyWorld world) =>
        new StorageOptions { DataDirectory = world.Settings.DataDirectory }.GetConnectionString();

    protected override string AgeAllRows(int days) => $"UPDATE OrleansStorage SET ModifiedOn = datetime(ModifiedOn, '-{days} days')";

    public override async Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // the test's pooled connection keeps the file open
        await base.DisposeAsync();
    }
}
