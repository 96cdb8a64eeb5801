using System.Security.Cryptography;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Silo.Recordings;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.Recordings;

namespace TelephonyHub.Silo.Tests.Recordings;

/// <summary>Scenarios run against the real <see cref="SqlRecordingStore"/> on each database.</summary>
internal static class RecordingStoreScenarios
{
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A file of several chunks (the last one partial) reads back byte for byte, from the start or the middle.</summary>
    public static async Task FileReadsBackAsStoredAsync(SqlRecordingStore store)
    {
        var file = new TestRecording("three-chunks.mp3", (2 * SqlRecordingStore.ChunkBytes) + 12_345, seed: 3);
        await using var content = file.OpenRead();

        var saved = await store.SaveAsync(New("r-three"), content, CancellationToken.None);

        Assert.Equal(new SavedRecording(file.Size, file.Sha256), saved);
        await using var stored = (await store.OpenReadAsync("r-three", CancellationToken.None))!;
        Assert.Equal(file.Size, stored.Length);
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)));

        stored.Position = SqlRecordingStore.ChunkBytes + 100; // an HTTP client rewinding or resuming
        var tail = new MemoryStream();
        await stored.CopyToAsync(tail);
        await using var expected = file.OpenRead();
        var all = new MemoryStream();
        await expected.CopyToAsync(all);
        Assert.Equal(all.ToArray()[(SqlRecordingStore.ChunkBytes + 100)..], tail.ToArray());
    }

    /// <summary>A file of exactly whole chunks ends cleanly (no empty last chunk).</summary>
    public static async Task FileOfWholeChunksReadsBackAsync(SqlRecordingStore store)
    {
        var file = new TestRecording("two-chunks.wav", 2 * SqlRecordingStore.ChunkBytes, RecordingKind.Wav, seed: 4);
        await using var content = file.OpenRead();

        await store.SaveAsync(New("r-two"), content, CancellationToken.None);

        await using var stored = (await store.OpenReadAsync("r-two", CancellationToken.None))!;
        Assert.Equal(file.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(stored)));
    }

    /// <summary>A file refused half-way (here: shorter than announced) leaves nothing behind, not even its first chunks.</summary>
    public static async Task RefusedFileLeavesNothingAsync(SqlRecordingStore store, DatabaseProvider provider, string connectionString)
    {
        var file = new TestRecording("short.mp3", (3 * SqlRecordingStore.ChunkBytes) + 1, seed: 5);
        await using var content = new CheckedRecordingStream(file.OpenRead(), new RecordingContentCheck(file.Size * 2, file.Size + 1, RecordingFormat.Mp3));

        var error = await Assert.ThrowsAsync<InvalidRecordingException>(() => store.SaveAsync(New("r-short"), content, CancellationToken.None));

        Assert.Contains("of the announced", error.Message, StringComparison.Ordinal);
        Assert.Null(await store.OpenReadAsync("r-short", CancellationToken.None));
        Assert.Empty(await Sql.RowsAsync(provider, connectionString, "SELECT ChunkIndex FROM TelephonyHubRecordingChunks WHERE RecordingId = 'r-short'"));
        Assert.Empty(await Sql.RowsAsync(provider, connectionString, "SELECT RecordingId FROM TelephonyHubRecordings WHERE RecordingId = 'r-short'"));
    }

    /// <summary>Deleting forgets the file; the retention sweep forgets only files stored before the cutoff.</summary>
    public static async Task DeleteAndSweepForgetFilesAsync(SqlRecordingStore store)
    {
        foreach (var (id, age) in new[] { ("r-attached", 0), ("r-old", 20), ("r-recent", 1) })
        {
            await using var content = new TestRecording($"{id}.mp3", 1000).OpenRead();
            await store.SaveAsync(New(id) with { ReceivedAt = Received - TimeSpan.FromDays(age) }, content, CancellationToken.None);
        }

        await store.DeleteAsync("r-attached", CancellationToken.None);
        await store.DeleteAsync("r-never-there", CancellationToken.None);
        var swept = await store.DeleteStoredBeforeAsync(Received - TimeSpan.FromDays(14), CancellationToken.None);

        Assert.Equal(1, swept);
        Assert.Null(await store.OpenReadAsync("r-attached", CancellationToken.None));
        Assert.Null(await store.OpenReadAsync("r-old", CancellationToken.None));
        Assert.NotNull(await store.OpenReadAsync("r-recent", CancellationToken.None));
    }

    private static NewRecording New(string id) => new(id, "portal-1", $"portal-1/{id}", Received);
}
