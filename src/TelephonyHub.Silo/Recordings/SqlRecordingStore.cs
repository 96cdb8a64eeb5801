using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Recordings;

/// <summary>
/// The recording store in the hub's own database (tables <c>TelephonyHubRecordings</c> and
/// <c>TelephonyHubRecordingChunks</c>, created by <c>deploy/sql/*/0?-recordings.sql</c>), PostgreSQL or SQLite alike.
/// Files are written and read in chunks of <see cref="ChunkBytes"/>, one short statement per chunk: memory per file
/// is one chunk, and no transaction stays open while a file arrives over the network. Chunk buffers come from the shared
/// array pool: at 256 KiB each is a large object, and one per file made the garbage collector run a full collection
/// every few seconds under load (issue 10).
/// </summary>
public sealed class SqlRecordingStore(IOptions<StorageOptions> storage) : IRecordingStore
{
    /// <summary>Bytes per stored chunk.</summary>
    public const int ChunkBytes = 256 * 1024;

    private DatabaseProvider Provider => storage.Value.EffectiveProvider;

    public async Task<SavedRecording> SaveAsync(NewRecording recording, Stream content, CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            "INSERT INTO TelephonyHubRecordings (RecordingId, PortalId, CallKey, ReceivedAt) VALUES (@RecordingId, @PortalId, @CallKey, @ReceivedAt)",
            cancellationToken,
            ("@RecordingId", recording.RecordingId), ("@PortalId", recording.PortalId), ("@CallKey", recording.CallKey),
            ("@ReceivedAt", Timestamp(recording.ReceivedAt)));
        try
        {
            var rented = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                return await SaveChunksAsync(recording, content, rented.AsMemory(0, ChunkBytes), cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
        catch
        {
            await DeleteAsync(recording.RecordingId, CancellationToken.None);
            throw;
        }
    }

    private async Task<SavedRecording> SaveChunksAsync(NewRecording recording, Stream content, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        for (var index = 0; ; index++)
        {
            var filled = await FillAsync(content, buffer, cancellationToken);
            if (filled == 0)
            {
                break;
            }

            var chunk = buffer[..filled];
            hash.AppendData(chunk.Span);
            await ExecuteAsync(
                "INSERT INTO TelephonyHubRecordingChunks (RecordingId, ChunkIndex, Data) VALUES (@RecordingId, @ChunkIndex, @Data)",
                cancellationToken,
                ("@RecordingId", recording.RecordingId), ("@ChunkIndex", index), ("@Data", ChunkParameter(chunk)));
            size += filled;
            if (filled < buffer.Length)
            {
                break; // the stream ended inside this chunk
            }
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        await ExecuteAsync(
            "UPDATE TelephonyHubRecordings SET Size = @Size, Sha256 = @Sha256, Complete = @Complete WHERE RecordingId = @RecordingId",
            cancellationToken,
            ("@Size", size), ("@Sha256", sha256), ("@Complete", true), ("@RecordingId", recording.RecordingId));
        return new SavedRecording(size, sha256);
    }

    public async Task<Stream?> OpenReadAsync(string recordingId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "SELECT Size FROM TelephonyHubRecordings WHERE RecordingId = @RecordingId AND Complete = @Complete",
            ("@RecordingId", recordingId), ("@Complete", true));
        return await command.ExecuteScalarAsync(cancellationToken) is { } size and not DBNull
            ? new StoredRecordingStream(this, recordingId, Convert.ToInt64(size, CultureInfo.InvariantCulture))
            : null;
    }

    public async Task DeleteAsync(string recordingId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var sql in (string[])["DELETE FROM TelephonyHubRecordingChunks WHERE RecordingId = @RecordingId", "DELETE FROM TelephonyHubRecordings WHERE RecordingId = @RecordingId"])
        {
            await using var command = Command(connection, sql, ("@RecordingId", recordingId));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var chunks = Command(connection,
            "DELETE FROM TelephonyHubRecordingChunks WHERE RecordingId IN (SELECT RecordingId FROM TelephonyHubRecordings WHERE ReceivedAt < @Cutoff)",
            ("@Cutoff", Timestamp(cutoff)));
        chunks.Transaction = transaction;
        await chunks.ExecuteNonQueryAsync(cancellationToken);
        await using var files = Command(connection, "DELETE FROM TelephonyHubRecordings WHERE ReceivedAt < @Cutoff", ("@Cutoff", Timestamp(cutoff)));
        files.Transaction = transaction;
        var deleted = await files.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Copies chunk <paramref name="index"/> into <paramref name="buffer"/>; 0 when there is no such chunk.</summary>
    internal async Task<int> ReadChunkAsync(string recordingId, int index, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT Data FROM TelephonyHubRecordingChunks WHERE RecordingId = @RecordingId AND ChunkIndex = @ChunkIndex",
            ("@RecordingId", recordingId), ("@ChunkIndex", index));
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return 0;
        }

        await using var data = reader.GetStream(0);
        return await FillAsync(data, buffer, cancellationToken);
    }

    private static async Task<int> FillAsync(Stream content, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await content.ReadAsync(buffer[filled..], cancellationToken);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    /// <summary>Npgsql sends a slice of the pooled buffer as it is; SQLite's binder takes whole arrays only.</summary>
    private object ChunkParameter(ReadOnlyMemory<byte> chunk) => Provider == DatabaseProvider.Sqlite ? chunk.ToArray() : (object)chunk;

    // PostgreSQL stores timestamptz; SQLite stores ISO 8601 UTC text, which compares in time order.
    private object Timestamp(DateTimeOffset value) => Provider == DatabaseProvider.Sqlite
        ? value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)
        : value.ToUniversalTime();

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        DatabaseConnections.OpenAsync(Provider, storage.Value.GetConnectionString(), cancellationToken);

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters) =>
        DatabaseConnections.Command(connection, sql, parameters);
}
