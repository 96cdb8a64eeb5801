namespace TelephonyHub.Silo.Hosting;

/// <summary>
/// A background clean-up that runs once per <see cref="Period"/> on the host's <see cref="TimeProvider"/>, never two
/// runs at once however slow the database, and stops with the host. The first run waits one period: at start the
/// schema may not be applied yet. A failed run is reported and tried again next period; every silo runs its own, so
/// what one deletes another may find gone, and the runs must be harmless to repeat.
/// </summary>
public abstract class PeriodicSweep(TimeProvider time) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private Task _sweep = Task.CompletedTask;

    /// <summary>Time between runs.</summary>
    protected abstract TimeSpan Period { get; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = time.CreateTimer(_ => Tick(), null, Period, Period);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        Task sweep;
        lock (_gate)
        {
            _stopping.Cancel(); // under the gate: no tick starts a run after this
            sweep = _sweep;
        }

        await sweep.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>One run: delete what is due.</summary>
    protected abstract Task SweepAsync(DateTimeOffset now, CancellationToken stopping);

    /// <summary>Reports a run that failed (it is tried again next period).</summary>
    protected abstract void OnSweepFailed(Exception exception);

    private void Tick()
    {
        lock (_gate)
        {
            if (_sweep.IsCompleted && !_stopping.IsCancellationRequested)
            {
                _sweep = RunAsync(_stopping.Token);
            }
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            await SweepAsync(time.GetUtcNow(), stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The host is stopping: the run ends here, and the next start sweeps again. Stopping must not fail for it.
        }
        catch (Exception ex)
        {
            OnSweepFailed(ex);
        }
    }
}
