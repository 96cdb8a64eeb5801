using System.Collections.Immutable;
using System.Globalization;
using Npgsql;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// Rows the hub wrote to PostgreSQL, from its own statistics (<c>pg_stat_user_tables</c>): grain state rows inserted
/// and updated (one per grain write), reminder rows written. The statistics are flushed within about a second.
/// Also the writes per grain type, from the rows' versions (each write adds one), to say which grain writes most, and
/// the mean stored state size per grain type (every write stores the whole state).
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
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
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
        }

        var byGrain = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var sizes = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        await using var versions = connection.CreateCommand();
        versions.CommandText = "SELECT GrainTypeString, sum(Version), coalesce(avg(length(PayloadBinary)), 0)::float8 FROM OrleansStorage GROUP BY GrainTypeString;";
        await using (var reader = await versions.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byGrain[ShortName(reader.GetString(0))] = reader.GetInt64(1);
                sizes[ShortName(reader.GetString(0))] = reader.GetDouble(2);
            }
        }

        // CPU of the database's server processes (Npgsql keeps its connections, so the backends live through a run).
        var backendCpu = TimeSpan.Zero;
        await using var backends = connection.CreateCommand();
        backends.CommandText = "SELECT pid FROM pg_stat_activity WHERE datname = current_database();";
        await using (var reader = await backends.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                backendCpu += CpuOf(reader.GetInt32(0));
            }
        }

        return new StorageCount(storage, storageScans, reminders, byGrain.ToImmutable(), backendCpu, sizes.ToImmutable());
    }

    private static TimeSpan CpuOf(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero; // the backend ended meanwhile
        }
    }

    private static string ShortName(string grainType) => grainType[(grainType.LastIndexOf('.') + 1)..];
}

/// <summary>Grain state rows written, grain state lookups (reads and the lookups of updates), reminder rows written, writes by grain type, PostgreSQL backends' CPU.</summary>
public sealed record StorageCount(
    long StateWrites, long StateLookups, long ReminderWrites, ImmutableDictionary<string, long> WritesByGrain, TimeSpan BackendCpu,
    ImmutableDictionary<string, double> MeanStateBytes)
{
    public StorageCount Minus(StorageCount earlier) =>
        new(StateWrites - earlier.StateWrites, StateLookups - earlier.StateLookups, ReminderWrites - earlier.ReminderWrites,
            WritesByGrain.ToImmutableDictionary(w => w.Key, w => w.Value - earlier.WritesByGrain.GetValueOrDefault(w.Key), StringComparer.Ordinal),
            BackendCpu - earlier.BackendCpu, MeanStateBytes); // sizes: as they are now, not a difference
}
