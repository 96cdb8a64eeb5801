using Microsoft.Extensions.Options;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Silo.Hosting;

namespace TelephonyHub.Silo.Recordings;

/// <summary>
/// Deletes stored recordings older than <see cref="RecordingOptions.Retention"/>: uploads that never completed,
/// files whose call was never registered, jobs given up while the delete failed. Every silo sweeps once per
/// <see cref="RecordingOptions.RetentionSweepPeriod"/>; deleting what another silo deleted already is harmless.
/// </summary>
public sealed partial class RecordingRetentionSweep(
    IRecordingStore store,
    IOptions<RecordingOptions> options,
    TimeProvider time,
    ILogger<RecordingRetentionSweep> logger) : PeriodicSweep(time)
{
    protected override TimeSpan Period => options.Value.RetentionSweepPeriod;

    protected override async Task SweepAsync(DateTimeOffset now, CancellationToken stopping)
    {
        var deleted = await store.DeleteStoredBeforeAsync(now - options.Value.Retention, stopping);
        if (deleted > 0)
        {
            LogSwept(logger, deleted, options.Value.Retention);
        }
    }

    protected override void OnSweepFailed(Exception exception) => LogSweepFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stored recording(s) kept longer than {Retention}")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping old stored recordings failed; trying again next period")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
