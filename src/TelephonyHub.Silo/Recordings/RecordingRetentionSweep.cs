using Microsoft.Extensions.Options;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Silo.Recordings;

/// <summary>
/// Deletes stored recordings older than <see cref="RecordingOptions.Retention"/>: uploads that never completed,
/// files whose call was never registered, jobs given up while the delete failed. Every silo sweeps; deleting what
/// another silo deleted already is harmless.
/// </summary>
public sealed partial class RecordingRetentionSweep(
    IRecordingStore store,
    IOptions<RecordingOptions> options,
    TimeProvider time,
    ILogger<RecordingRetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first sweep waits a period: at start the schema may not be applied yet.
        using var timer = new PeriodicTimer(options.Value.RetentionSweepPeriod, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        try
        {
            var deleted = await store.DeleteStoredBeforeAsync(time.GetUtcNow() - options.Value.Retention, stoppingToken);
            if (deleted > 0)
            {
                LogSwept(logger, deleted, options.Value.Retention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSweepFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stored recording(s) kept longer than {Retention}")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping old stored recordings failed; trying again next period")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
