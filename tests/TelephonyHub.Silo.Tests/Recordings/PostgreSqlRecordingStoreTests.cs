using TelephonyHub.Silo.Recordings;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Recordings;

/// <summary>The recording store on PostgreSQL, the production database shared by all silos.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlRecordingStoreTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task StoredFile_ReadsBackByteForByte_FromTheStartOrTheMiddle() =>
        await RecordingStoreScenarios.FileReadsBackAsStoredAsync(await StoreAsync("rec_read"));

    [Fact]
    public async Task FileOfWholeChunks_ReadsBackByteForByte() =>
        await RecordingStoreScenarios.FileOfWholeChunksReadsBackAsync(await StoreAsync("rec_whole"));

    [Fact]
    public async Task FileRefusedHalfWay_LeavesNothingStored()
    {
        var database = await postgres.CreateDatabaseAsync("rec_refused");
        await RecordingStoreScenarios.RefusedFileLeavesNothingAsync(Store(database), DatabaseProvider.PostgreSql, database);
    }

    [Fact]
    public async Task DeleteAndRetentionSweep_ForgetTheRightFiles() =>
        await RecordingStoreScenarios.DeleteAndSweepForgetFilesAsync(await StoreAsync("rec_sweep"));

    private async Task<SqlRecordingStore> StoreAsync(string purpose) => Store(await postgres.CreateDatabaseAsync(purpose));

    private static SqlRecordingStore Store(string connectionString) =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = connectionString }));
}
