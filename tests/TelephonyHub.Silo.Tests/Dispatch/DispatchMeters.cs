using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>Listens to the dispatch's meter as an operator's collector would, for one portal.</summary>
internal sealed class DispatchMeters : IDisposable
{
    private readonly string _portalId;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, string? Method, string? Result)> _measurements = new();
    private readonly ConcurrentQueue<(string Instrument, string? Method, string? Result, TaskCompletionSource Seen)> _waiters = new();
    private readonly ConcurrentQueue<(Func<DispatchMeters, bool> Condition, TaskCompletionSource Met)> _conditions = new();

    public DispatchMeters(string portalId)
    {
        _portalId = portalId;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DispatchMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of a counter's measurements for the portal so far.</summary>
    public double Sum(string instrument) => _measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    /// <summary>What the gauge reports for the portal right now (collects the observable instruments).</summary>
    public double? Gauge(string instrument)
    {
        var before = _measurements.Count;
        _listener.RecordObservableInstruments();
        return _measurements.Skip(before).Where(m => m.Instrument == instrument).Select(m => (double?)m.Value).LastOrDefault();
    }

    /// <summary>
    /// Completes when the instrument reports a measurement for the portal (with that method and result, when given),
    /// now or since the listener started.
    /// </summary>
    public Task SeenAsync(string instrument, TimeSpan timeout, string? method = null, string? result = null)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Enqueue((instrument, method, result, seen));
        if (_measurements.Any(m => Matches(m.Instrument, m.Method, m.Result, instrument, method, result)))
        {
            seen.TrySetResult();
        }

        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>Completes when <paramref name="condition"/> holds, re-checked after every measurement for the portal.</summary>
    public async Task WaitForAsync(Func<DispatchMeters, bool> condition, string description, TimeSpan timeout)
    {
        var met = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _conditions.Enqueue((condition, met));
        if (condition(this))
        {
            met.TrySetResult();
        }

        try
        {
            await met.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {description}.");
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var (portal, method, result) = ((string?)null, (string?)null, (string?)null);
        foreach (var tag in tags)
        {
            switch (tag.Key)
            {
                case "portal": portal = tag.Value as string; break;
                case "method": method = tag.Value as string; break;
                case "result": result = tag.Value as string; break;
            }
        }

        if (portal != _portalId)
        {
            return;
        }

        _measurements.Enqueue((instrument.Name, value, method, result));
        foreach (var waiter in _waiters.Where(w => Matches(instrument.Name, method, result, w.Instrument, w.Method, w.Result)))
        {
            waiter.Seen.TrySetResult();
        }

        foreach (var (condition, met) in _conditions.Where(c => !c.Met.Task.IsCompleted))
        {
            if (condition(this))
            {
                met.TrySetResult();
            }
        }
    }

    private static bool Matches(string instrument, string? method, string? result, string wantedInstrument, string? wantedMethod, string? wantedResult) =>
        instrument == wantedInstrument && (wantedMethod is null || wantedMethod == method) && (wantedResult is null || wantedResult == result);
}
