using System.Diagnostics.Metrics;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Calls by phase (meter <c>TelephonyHub.Calls</c>): every transition moves one call from its old phase to its new
/// one. Each silo counts the transitions it made, so the sum over silos is the cluster's count per phase.
/// </summary>
public sealed class CallMetrics
{
    public const string MeterName = "TelephonyHub.Calls";

    private readonly UpDownCounter<long> _calls;

    public CallMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _calls = meter.CreateUpDownCounter<long>("telephonyhub.calls", "{call}", "Calls by phase");
    }

    public void Moved(CallPhase from, CallPhase to)
    {
        if (from == to)
        {
            return;
        }

        if (from != CallPhase.None)
        {
            _calls.Add(-1, new KeyValuePair<string, object?>("phase", from.ToString()));
        }

        _calls.Add(1, new KeyValuePair<string, object?>("phase", to.ToString()));
    }
}
