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
}
