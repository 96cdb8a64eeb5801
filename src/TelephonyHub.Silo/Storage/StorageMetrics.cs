using System.Diagnostics.Metrics;

namespace TelephonyHub.Silo.Storage;

/// <summary>
/// Storage housekeeping (meter <c>TelephonyHub.Storage</c>): per-call state rows deleted after their retention, by
/// state, so an operator sees the table being kept in bounds without reading logs.
/// </summary>
public sealed class StorageMetrics
{
    public const string MeterName = "TelephonyHub.Storage";

    private readonly Counter<long> _deleted;

    public StorageMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deleted = meter.CreateCounter<long>("telephonyhub.storage.call_states_deleted", "{row}",
            "Stored per-call state rows deleted after Storage:CallStateRetention, by state");
    }

    /// <param name="state"><c>call</c>, <c>click</c> or <c>recording</c>.</param>
    public void Deleted(string state, long rows)
    {
        if (rows > 0)
        {
            _deleted.Add(rows, new KeyValuePair<string, object?>("state", state));
        }
    }
}
