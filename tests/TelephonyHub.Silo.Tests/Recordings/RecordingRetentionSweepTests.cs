using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Silo.Recordings;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.Logs;
using TelephonyHub.Testing.Recordings;

namespace TelephonyHub.Silo.Tests.Recordings;

/// <summary>Files nobody attached (a silo died with them) do not stay in the database forever.</summary>
public sealed class RecordingRetentionSweepTests : IAsyncLifetime
{
    private readonly DirectoryInfo _dataDirectory = Directory.CreateTempSubdirectory("telephonyhub-sweep-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private SqlRecordingStore _store = null!;

    public async Task InitializeAsync()
    {
        var options = new StorageOptions { DataDirectory = _dataDirectory.FullName };
        await DatabaseSchemaInstaller.ApplyAsync(options, NullLogger.Instance, CancellationToken.None);
        _store = new SqlRecordingStore(Options.Create(options));
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dataDirectory.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task FilesOlderThanTheRetention_AreDeletedOnTheNextSweep_NewerOnesStay()
    {
        foreach (var (id, daysOld) in new[] { ("orphan", 15), ("recent", 2) })
        {
            await using var content = new TestRecording($"{id}.mp3", 5_000).OpenRead();
            await _store.SaveAsync(new NewRecording(id, "portal-1", $"portal-1/{id}", _clock.GetUtcNow() - TimeSpan.FromDays(daysOld)), content, CancellationToken.None);
        }

        var logs = new LogLines();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new LogLinesProvider(logs)));
        var options = Options.Create(new RecordingOptions { Retention = TimeSpan.FromDays(14), RetentionSweepPeriod = TimeSpan.FromHours(1) });
        await using var sweep = new RecordingRetentionSweep(_store, options, _clock, loggers.CreateLogger<RecordingRetentionSweep>());
        await sweep.StartAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(1));
        await logs.WaitForAsync(l => l.Contains("Deleted 1 stored recording(s) kept longer than 14.00:00:00", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the hourly sweep to delete the 15-day-old file");
        await sweep.StopAsync(CancellationToken.None);

        Assert.Null(await _store.OpenReadAsync("orphan", CancellationToken.None));
        Assert.NotNull(await _store.OpenReadAsync("recent", CancellationToken.None));
    }

    [Fact]
    public async Task StoppingWhileASweepRuns_CancelsIt_AndTheStopDoesNotFail()
    {
        var store = new StoreWhoseDeleteWaitsForCancellation(_store);
        var logs = new LogLines();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new LogLinesProvider(logs)));
        var options = Options.Create(new RecordingOptions { Retention = TimeSpan.FromDays(14), RetentionSweepPeriod = TimeSpan.FromHours(1) });
        await using var sweep = new RecordingRetentionSweep(store, options, _clock, loggers.CreateLogger<RecordingRetentionSweep>());
        await sweep.StartAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        await store.DeleteStarted.WaitAsync(TimeSpan.FromSeconds(10));

        await sweep.StopAsync(CancellationToken.None);

        Assert.True(store.DeleteCancelled);
        Assert.DoesNotContain(logs.Snapshot(), l => l.Contains("failed", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The real store, whose retention delete runs until it is cancelled (a long sweep when the host stops).</summary>
    private sealed class StoreWhoseDeleteWaitsForCancellation(IRecordingStore store) : IRecordingStore
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task DeleteStarted => _started.Task;

        public bool DeleteCancelled { get; private set; }

        public async Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        {
            _started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return 0;
            }
            catch (OperationCanceledException)
            {
                DeleteCancelled = true;
                throw;
            }
        }

        public Task<SavedRecording> SaveAsync(NewRecording recording, Stream content, CancellationToken cancellationToken) =>
            store.SaveAsync(recording, content, cancellationToken);

        public Task<Stream?> OpenReadAsync(string recordingId, CancellationToken cancellationToken) => store.OpenReadAsync(recordingId, cancellationToken);

        public Task DeleteAsync(string recordingId, CancellationToken cancellationToken) => store.DeleteAsync(recordingId, cancellationToken);
    }
}
