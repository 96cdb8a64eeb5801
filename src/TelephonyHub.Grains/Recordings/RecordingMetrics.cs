using System.Diagnostics.Metrics;

namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// Recordings (meter <c>TelephonyHub.Recordings</c>): files stored, bytes, attached, and refused or given up with
/// the reason's kind, so an operator sees a PBX sending the wrong files without reading logs.
/// </summary>
public sealed class RecordingMetrics
{
    public const string MeterName = "TelephonyHub.Recordings";

    private readonly Counter<long> _stored;
    private readonly Counter<long> _bytes;
    private readonly Counter<long> _attached;
    private readonly Counter<long> _failed;

    public RecordingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _stored = meter.CreateCounter<long>("telephonyhub.recordings.stored", "{file}", "Recordings stored in the hub, by source");
        _bytes = meter.CreateCounter<long>("telephonyhub.recordings.bytes", "By", "Recording bytes stored in the hub");
        _attached = meter.CreateCounter<long>("telephonyhub.recordings.attached", "{file}", "Recordings attached in Bitrix24");
        _failed = meter.CreateCounter<long>("telephonyhub.recordings.failed", "{file}", "Recordings refused or given up, by stage");
    }

    /// <param name="source"><c>upload</c> or <c>url</c>.</param>
    public void Stored(string source, long bytes)
    {
        _stored.Add(1, new KeyValuePair<string, object?>("source", source));
        _bytes.Add(bytes, new KeyValuePair<string, object?>("source", source));
    }

    public void Attached() => _attached.Add(1);

    /// <param name="stage"><c>upload</c>, <c>fetch</c> or <c>attach</c>.</param>
    public void Failed(string stage) => _failed.Add(1, new KeyValuePair<string, object?>("stage", stage));
}
