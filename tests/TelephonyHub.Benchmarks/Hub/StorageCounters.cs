using Npgsql;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// Rows the hub wrote to PostgreSQL, from its own statistics (<c>pg_stat_user_tables</c>): grain state rows inserted
/// and updated (one per grain write), reminder rows written. The statistics are flushed within about a second.
/// </summary>
public sealed class StorageCounters(string connectionString)
{
    public async Task<StorageCount> ReadAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT relname, n_tup_ins + n_tup_upd + n_tup_del, idx_scan + seq_scan
            FROM pg_stat_user_tables WHERE relname IN ('orleansstorage', 'orleansreminderstable');
            """;
        long storage = 0, reminders = 0, storageScans = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.GetString(0) == "orleansstorage")
            {
                storage = reader.GetInt64(1);
                storageScans = reader.GetInt64(2);
            }
            else
            {
                reminders = reader.GetInt64(1);
            }
        }

        return new StorageCount(storage, storageScans, reminders);
    }
}

/// <summary>Grain state rows written, grain state lookups (reads and the lookups of updates), reminder rows written.</summary>
public sealed record StorageCount(long StateWrites, long StateLookups, long ReminderWrites)
{
    public StorageCount Minus(StorageCount earlier) =>
        new(StateWrites - earlier.StateWrites, StateLookups - earlier.StateLookups, ReminderWrites - earlier.ReminderWrites);
}
