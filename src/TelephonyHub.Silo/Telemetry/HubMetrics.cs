using System.Diagnostics.Metrics;

namespace TelephonyHub.Silo.Telemetry;

/// <summary>The gateways' metrics (meter <c>TelephonyHub.Gateway</c>).</summary>
public sealed class HubMetrics
{
    public const string MeterName = "TelephonyHub.Gateway";

    private readonly Counter<long> _pbxEvents;
    private readonly Counter<long> _bitrix24Events;
    private readonly UpDownCounter<long> _pbxStreams;

    public HubMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _pbxEvents = meter.CreateCounter<long>("telephonyhub.pbx.events", "{event}", "PBX events received, by kind and verdict");
        _bitrix24Events = meter.CreateCounter<long>("telephonyhub.bitrix24.events", "{event}", "Bitrix24 events received, by event and result");
        _pbxStreams = meter.CreateUpDownCounter<long>("telephonyhub.pbx.streams", "{stream}", "Open PBX streams on this silo");
    }

    public void PbxEventReceived(string kind, string verdict) =>
        _pbxEvents.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("verdict", verdict));

    public void Bitrix24EventReceived(string eventCode, string result) =>
        _bitrix24Events.Add(1, new KeyValuePair<string, object?>("event", eventCode), new KeyValuePair<string, object?>("result", result));

    public void PbxStreamOpened() => _pbxStreams.Add(1);

    public void PbxStreamClosed() => _pbxStreams.Add(-1);
}
