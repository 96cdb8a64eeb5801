using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Retention;

/// <summary>Listens to one hub's <see cref="StorageMetrics"/> (its own meter factory: other hubs in the process are not heard).</summary>
internal sealed class StorageMeters : IDisposable
{
    private readonly MeterListener _listener;
    private readonly ConcurrentQueue<(string State, long Rows)> _deleted = new();

    public StorageMeters(IServiceProvider hub)
    {
        var factory = hub.GetRequiredService<IMeterFactory>();
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == StorageMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, rows, tags, _) =>
        {
            if (instrument.Name == "telephonyhub.storage.call_states_deleted")
            {
                _deleted.Enqueue(((string)tags.ToArray().Single(tag => tag.Key == "state").Value!, rows));
            }
        });
        _listener.Start();
    }

    /// <summary>Rows reported deleted, by state, in the order reported.</summary>
    public (string State, long Rows)[] Deleted => [.. _deleted];

    public void Dispose() => _listener.Dispose();
}
