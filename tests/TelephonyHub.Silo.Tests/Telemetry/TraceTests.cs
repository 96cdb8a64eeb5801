using System.Collections.Concurrent;
using System.Diagnostics;
using TelephonyHub.Grains;
using TelephonyHub.Silo.Telemetry;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Telemetry;

/// <summary>One trace from a PBX event through the grains to the Bitrix24 HTTP request it caused.</summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class TraceTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    [Fact]
    public async Task PbxEvent_AndTheBitrix24RequestItCaused_ShareOneTrace()
    {
        var world = fixture.World;
        var portal = await world.CreatePortalAsync();
        var activities = new ConcurrentQueue<Activity>();
        var finishSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            // What the hub's tracer listens to when it exports (HubTelemetryExtensions): Orleans' own sources carry the
            // trace from grain to grain, so without a listener on them there is nothing to follow across grain calls.
            ShouldListenTo = source => source.Name is HubActivitySource.Name or GrainsActivitySource.Name or "System.Net.Http"
                or "Microsoft.Orleans.Runtime" or "Microsoft.Orleans.Application",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                activities.Enqueue(activity);
                if (activity.DisplayName == "bitrix24 telephony.externalcall.finish")
                {
                    finishSent.TrySetResult();
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var pbx = await world.ConnectPbxAsync(portal);

        var started = world.Events.InboundCall("traced-1", "+4930555666", "101");
        var ended = world.Events.Ended("traced-1", Contracts.Pbx.V1.CallOutcome.NoAnswer);
        await pbx.SendAsync(started);
        await world.WaitForAsync(portal, p => p.RequestsFor("telephony.externalcall.register").Count == 1, "the call is registered");
        await pbx.SendAsync(ended);
        await finishSent.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var startedSpan = Assert.Single(activities, a => a.GetTagItem("pbx.event_id") as string == started.EventId);
        var endedSpan = Assert.Single(activities, a => a.GetTagItem("pbx.event_id") as string == ended.EventId);
        var register = Assert.Single(activities, a => a.DisplayName == "bitrix24 telephony.externalcall.register");
        var finish = Assert.Single(activities, a => a.DisplayName == "bitrix24 telephony.externalcall.finish");
        Assert.Equal(startedSpan.TraceId, register.TraceId);
        Assert.Equal(endedSpan.TraceId, finish.TraceId);
        Assert.NotEqual(startedSpan.TraceId, endedSpan.TraceId);
        Assert.Contains(activities, a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == register.SpanId);
    }
}
