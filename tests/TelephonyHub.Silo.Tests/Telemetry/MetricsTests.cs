using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.Dispatch;
using TelephonyHub.Silo.Telemetry;
using TelephonyHub.Silo.Tests.EndToEnd;

namespace TelephonyHub.Silo.Tests.Telemetry;

/// <summary>What an operator's dashboard sees of one call: events in, Bitrix24 requests out by result, calls by phase.</summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class MetricsTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    [Fact]
    public async Task OneCall_CountsItsEventsRequestsAndPhases()
    {
        var world = fixture.World;
        var portal = await world.CreatePortalAsync();
        var measurements = new ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name is HubMetrics.MeterName or DispatchMetrics.MeterName or CallMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        var finishAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var measurement = (instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
            measurements.Enqueue(measurement);
            if (instrument.Name == "telephonyhub.dispatch.answers" && Equals(measurement.Item3.GetValueOrDefault("method"), "telephony.externalcall.finish"))
            {
                finishAnswered.TrySetResult();
            }
        });
        listener.Start();
        await using var pbx = await world.ConnectPbxAsync(portal);

        await pbx.SendAllAsync(
            world.Events.InboundCall("metered", "+4930800800", "101"),
            world.Events.Ended("metered", Contracts.Pbx.V1.CallOutcome.NoAnswer));
        await finishAnswered.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(2, Sum(measurements, "telephonyhub.pbx.events", "verdict", "Applied", portal: null));
        Assert.Equal(1, Sum(measurements, "telephonyhub.calls", "phase", "Finished", portal: null));
        Assert.Equal(0, Sum(measurements, "telephonyhub.calls", "phase", "Started", portal: null));
        Assert.True(Sum(measurements, "telephonyhub.dispatch.answers", "result", "ok", portal.MemberId) >= 2);
        Assert.True(Sum(measurements, "telephonyhub.dispatch.http_requests", null, null, portal.MemberId) >= 2);
    }

    private static long Sum(
        IEnumerable<(string Instrument, long Value, Dictionary<string, object?> Tags)> measurements,
        string instrument, string? tag, string? value, string? portal) =>
        measurements
            .Where(m => m.Instrument == instrument)
            .Where(m => tag is null || Equals(m.Tags.GetValueOrDefault(tag), value))
            .Where(m => portal is null || Equals(m.Tags.GetValueOrDefault("portal"), portal))
            .Sum(m => m.Value);
}
