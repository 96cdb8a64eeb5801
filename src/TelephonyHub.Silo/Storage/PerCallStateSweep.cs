using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Metadata;
using TelephonyHub.Grains;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Silo.Hosting;
using TelephonyHub.Silo.Storage.GrainState;

namespace TelephonyHub.Silo.Storage;

/// <summary>
/// Deletes the stored state of calls, click-to-calls and recording jobs (<see cref="PerCallStates"/>) unchanged for
/// <see cref="StorageOptions.CallStateRetention"/>, so that the grain state table holds recent calls and the few
/// long-lived grains rather than every call ever made. A row whose grain still has a reminder is kept: a wait or a
/// retry is under way. A call whose recording job still has one is kept too, since the job may need the call's
/// Bitrix24 id from it (a call registered only after a Bitrix24 outage). Only this service's rows are touched.
/// </summary>
/// <remarks>
/// <para>
/// The table has no index on the age of a row, and gets none: every grain write changes <c>ModifiedOn</c>, and an
/// index on it would cost each of them an index update (PostgreSQL could no longer update rows in place). Instead a
/// sweep walks each per-call state in <see cref="HashSlices"/> slices of the primary key's leading column
/// (<c>GrainIdHash</c>, spread evenly by the hash), each slice one statement and transaction that reads only its part
/// of the key (one pass per state, 3 × 64 statements). A large backlog (the first sweep of an old database) is
/// deleted in the same run, about a 64th of it per statement.
/// </para>
/// <para>
/// A row rewritten while its slice is deleted is kept: PostgreSQL re-checks the row's age on the new version. An
/// activation that still held a deleted row (it would have sat unused for the whole retention) fails its next write
/// with a version conflict, and Orleans activates it afresh.
/// </para>
/// </remarks>
public sealed partial class PerCallStateSweep(
    IOptions<StorageOptions> storage,
    IOptions<ClusterOptions> cluster,
    GrainTypeResolver grainTypes,
    StorageMetrics metrics,
    TimeProvider time,
    ILogger<PerCallStateSweep> logger) : PeriodicSweep(time)
{
    /// <summary>Slices of the <c>GrainIdHash</c> range a sweep deletes one at a time.</summary>
    public const int HashSlices = 64;

    private const string Delete = """
        DELETE FROM OrleansStorage
        WHERE GrainIdHash BETWEEN @FromHash AND @ToHash AND GrainTypeHash = @TypeHash
          AND ServiceId = @ServiceId AND GrainTypeString = @StateName AND ModifiedOn < @Cutoff
          AND NOT EXISTS (SELECT 1 FROM OrleansRemindersTable r
                          WHERE r.ServiceId = OrleansStorage.ServiceId
                            AND r.GrainId IN (@GrainTypePrefix || OrleansStorage.GrainIdExtensionString,
                                              @RecordingPrefix || OrleansStorage.GrainIdExtensionString))
        """;

    private static readonly TimeSpan SliceTimeout = TimeSpan.FromMinutes(5);

    protected override TimeSpan Period => storage.Value.CallStateSweepPeriod;

    /// <summary>Deletes the per-call rows last changed before <paramref name="cutoff"/> (and without reminders).</summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteUnchangedSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var options = storage.Value;
        var provider = options.EffectiveProvider;
        var deleted = 0;
        var recordingPrefix = $"{grainTypes.GetGrainType(typeof(RecordingGrain))}/";
        await using var connection = await DatabaseConnections.OpenAsync(provider, options.GetConnectionString(), cancellationToken);
        foreach (var (stateName, grainClass) in PerCallStates.All)
        {
            foreach (var (fromHash, toHash) in Slices())
            {
                await using var command = DatabaseConnections.Command(connection, Delete,
                    ("@FromHash", fromHash),
                    ("@ToHash", toHash),
                    ("@TypeHash", StoredGrainKey.TypeHashOf(stateName)),
                    ("@ServiceId", cluster.Value.ServiceId),
                    ("@StateName", stateName),
                    ("@GrainTypePrefix", $"{grainTypes.GetGrainType(grainClass)}/"),
                    ("@RecordingPrefix", recordingPrefix),
                    ("@Cutoff", StoredTimestamp(provider, cutoff)));
                command.CommandTimeout = (int)SliceTimeout.TotalSeconds;
                var rows = await command.ExecuteNonQueryAsync(cancellationToken);
                metrics.Deleted(stateName, rows); // per slice: a run cut short still reports what it deleted
                deleted += rows;
            }
        }

        return deleted;
    }

    /// <summary>The whole <see cref="int"/> range in <see cref="HashSlices"/> consecutive, inclusive parts.</summary>
    internal static IEnumerable<(int From, int To)> Slices()
    {
        const long width = (1L << 32) / HashSlices;
        for (long from = int.MinValue; from <= int.MaxValue; from += width)
        {
            yield return ((int)from, (int)(from + width - 1));
        }
    }

    protected override async Task SweepAsync(DateTimeOffset now, CancellationToken stopping)
    {
        var retention = storage.Value.CallStateRetention;
        var deleted = await DeleteUnchangedSinceAsync(now - retention, stopping);
        if (deleted > 0)
        {
            LogSwept(logger, deleted, retention);
        }
    }

    protected override void OnSweepFailed(Exception exception) => LogSweepFailed(logger, exception);

    /// <summary>
    /// <paramref name="value"/> as <c>ModifiedOn</c> holds it: timestamptz in PostgreSQL; in SQLite the UTC text of
    /// CURRENT_TIMESTAMP, which sorts in time order.
    /// </summary>
    internal static object StoredTimestamp(DatabaseProvider provider, DateTimeOffset value) => provider == DatabaseProvider.Sqlite
        ? value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : value.ToUniversalTime();

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stored call state row(s) unchanged for {Retention}")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping old call state failed; trying again next period")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
