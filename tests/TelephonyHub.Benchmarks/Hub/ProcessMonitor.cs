namespace TelephonyHub.Benchmarks.Hub;

/// <summary>Samples a process at a fixed period until stopped; keeps every sample.</summary>
public sealed class ProcessMonitor : IAsyncDisposable
{
    private readonly ProcessSampler _sampler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private readonly List<ProcessSample> _samples = [];

    public ProcessMonitor(ProcessSampler sampler, TimeSpan period, TimeProvider time, Action<ProcessSample>? onSample = null)
    {
        _sampler = sampler;
        _samples.Add(sampler.Sample());
        _sampling = SampleAsync(period, time, onSample);
    }

    public IReadOnlyList<ProcessSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>Stops sampling, takes a last sample, returns them all.</summary>
    public async Task<IReadOnlyList<ProcessSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        lock (_samples)
        {
            _samples.Add(_sampler.Sample());
        }

        return Samples;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _sampling;
        }

        _stop.Dispose();
    }

    private async Task SampleAsync(TimeSpan period, TimeProvider time, Action<ProcessSample>? onSample)
    {
        using var timer = new PeriodicTimer(period, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var sample = _sampler.Sample();
                lock (_samples)
                {
                    _samples.Add(sample);
                }

                onSample?.Invoke(sample);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
