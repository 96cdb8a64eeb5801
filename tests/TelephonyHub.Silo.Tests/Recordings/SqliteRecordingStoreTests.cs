using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using TelephonyHub.Silo.Recordings;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Recordings;

/// <summary>The recording store on the embedded default's SQLite file.</summary>
public sealed class SqliteRecordingStoreTests : IAsyncLifetime
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("telephonyhub-recordings-");
    private StorageOptions _options = null!;

    private SqlRecordingStore Store => new(Microsoft.Extensions.Options.Options.Create(_options));

    public async Task InitializeAsync()
    {
        _options = new StorageOptions { DataDirectory = _dataDirectory.FullName };
        await DatabaseSchemaInstaller.ApplyAsync(_options, NullLogger.Instance, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        _dataDirectory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public Task StoredFile_ReadsBackByteForByte_FromTheStartOrTheMiddle() => RecordingStoreScenarios.FileReadsBackAsStoredAsync(Store);

    [Fact]
    public Task FileOfWholeChunks_ReadsBackByteForByte() => RecordingStoreScenarios.FileOfWholeChunksReadsBackAsync(Store);

    [Fact]
    public Task FileRefusedHalfWay_LeavesNothingStored() =>
        RecordingStoreScenarios.RefusedFileLeavesNothingAsync(Store, DatabaseProvider.Sqlite, _options.GetConnectionString());

    [Fact]
    public Task DeleteAndRetentionSweep_ForgetTheRightFiles() => RecordingStoreScenarios.DeleteAndSweepForgetFilesAsync(Store);
}
