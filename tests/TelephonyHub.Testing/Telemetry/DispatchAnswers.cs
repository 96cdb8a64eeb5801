using System.Diagnostics.Metrics;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Testing.Telemetry;

/// <summary>
/// Awaits the moment the hub has taken Bitrix24's answer to a request (the dispatch's <c>telephonyhub.dispatch.answers</c>
/// counter, recorded after the answer is applied). The emulator logs a request when it answers, a moment before the hub
/// reads that answer: a fake-clock test must wait for this barrier before jumping the clock, or the jump could time out
/// a request still in flight. Filters by portal, so tests beside each other do not disturb it.
/// </summary>
public sealed class DispatchAnswers : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Portal, string Method), int> _counts = [];
    private readonly List<(string Portal, string Method, int Count, TaskCompletionSource Reached)> _waiters = [];

    public DispatchAnswers()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DispatchMetrics.MeterName && instrument.Name == "telephonyhub.dispatch.answers")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            string? portal = null, method = null;
            foreach (var tag in tags)
            {
                portal = tag.Key == "portal" ? tag.Value as string : portal;
                method = tag.Key == "method" ? tag.Value as string : method;
            }

            if (portal is not null && method is not null)
            {
                Add(portal, method.ToLowerInvariant(), (int)value);
            }
        });
        _listener.Start();
    }

    /// <summary>Waits until the hub took <paramref name="count"/> answers to <paramref name="method"/> on the portal.</summary>
    public async Task WaitForAsync(string portalId, string method, int count, TimeSpan timeout)
    {
        var key = (portalId, method.ToLowerInvariant());
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_counts.GetValueOrDefault(key) >= count)
            {
                return;
            }

            _waiters.Add((key.portalId, key.Item2, count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                throw new TimeoutException(
                    $"The hub took {_counts.GetValueOrDefault(key)} answer(s) to {method} on portal {portalId} within {timeout.TotalSeconds} s; expected {count}.");
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Add(string portal, string method, int value)
    {
        lock (_gate)
        {
            var total = _counts[(portal, method)] = _counts.GetValueOrDefault((portal, method)) + value;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Portal == portal && _waiters[i].Method == method && total >= _waiters[i].Count)
                {
                    _waiters[i].Reached.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
