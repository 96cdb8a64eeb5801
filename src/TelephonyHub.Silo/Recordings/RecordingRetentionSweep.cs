using Microsoft.Extensions.Options;
using TelephonyHub.Grains.Recordings;

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
    ILogger<RecordingRetentionSweep> logger) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private Task _sweep = Task.CompletedTask;

    /// <summary>Starts the period; the first sweep waits one period (at start the schema may not be applied yet).</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.RetentionSweepPeriod;
        _timer = time.CreateTimer(_ => Tick(), null, period, period);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        await _stopping.CancelAsync();
        await _sweep.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_sweep.IsCompleted)
            {
                _sweep = SweepAsync(_stopping.Token); // one sweep at a time, however slow the database
            }
        }
    }

    private async Task SweepAsync(CancellationToken stopping)
    {
        try
        {
            var deleted = await store.DeleteStoredBeforeAsync(time.GetUtcNow() - options.Value.Retention, stopping);
            if (deleted > 0)
            {
                LogSwept(logger, deleted, options.Value.Retention);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogSweepFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stored recording(s) kept longer than {Retention}")]
    private static partial void LogSwept(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping old stored recordings failed; trying again next period")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
