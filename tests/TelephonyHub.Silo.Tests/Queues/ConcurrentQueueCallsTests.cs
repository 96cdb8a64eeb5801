using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;
using static TelephonyHub.Silo.Tests.Queues.QueueWorld;

namespace TelephonyHub.Silo.Tests.Queues;

/// <summary>Two calls reach a sequential queue of two operators in the same instant: each gets its own operator.</summary>
public sealed class ConcurrentQueueCallsTests
{
    [Fact]
    public async Task TwoCallsAtOnce_NeverGetTheSameOperator_AndATalkingOperatorIsSkipped()
    {
        await using var queue = await StartAsync(Sequential(5, 2, TestUsers.Anna, TestUsers.Boris));
        var start = queue.Clock.GetUtcNow();

        // Two PBX publishes at once: the hub applies them concurrently (one stream would apply them in order).
        var acks = await Task.WhenAll(PublishAsync(queue, "both-a"), PublishAsync(queue, "both-b"));
        Assert.All(acks, ack => Assert.Equal(EventAckStatus.Applied, ack.Status));

        var ringing = await queue.WaitForAsync(
            p => p.Cards.Count == 2 && p.RequestsFor("telephony.externalcall.register").Count == 2, "both calls show their card");
        var anna = ringing.Cards.Single(c => c.UserId == TestUsers.Anna).CallId;
        var boris = ringing.Cards.Single(c => c.UserId == TestUsers.Boris).CallId;
        Assert.NotEqual(anna, boris);
        var registers = ringing.RequestsFor("telephony.externalcall.register");
        Assert.Equal(["12", "14"], registers.Select(r => r.Parameter("USER_ID")!).Order().ToArray());
        var annasCall = registers.Single(r => r.Parameter("USER_ID") == "12").Parameter("EXTERNAL_CALL_ID")!;
        var borisCall = registers.Single(r => r.Parameter("USER_ID") == "14").Parameter("EXTERNAL_CALL_ID")!;
        var rings = new[] { await queue.Pbx.NextCommandAsync("first ring"), await queue.Pbx.NextCommandAsync("second ring") };
        Assert.Equal([(annasCall, "101"), (borisCall, "102")],
            rings.Select(r => (r.RingExtensions.CallId, r.RingExtensions.Extensions.Single())).OrderBy(r => r.Item2).ToArray());

        await queue.Pbx.SendAsync(queue.World.Events.Answered(annasCall, "101"));
        queue.Advance(TimeSpan.FromSeconds(5));

        // Boris's call moves on: round 2 would offer Anna, but she is talking; Boris is rung again, his card stays.
        var again = await queue.Pbx.NextCommandAsync("Boris rung again in round 2");
        Assert.Equal((borisCall, "102"), (again.RingExtensions.CallId, again.RingExtensions.Extensions.Single()));
        queue.Advance(TimeSpan.FromSeconds(5));

        var missed = await queue.WaitForAsync(p => p.CallLog.Count == 1, "Boris's call is missed after two rounds");
        Assert.Equal((borisCall, TestUsers.Boris, "304"), (missed.CallLog[0].ExternalCallId, missed.CallLog[0].UserId, missed.CallLog[0].StatusCode));
        Assert.Equal(["0s +14", "10s -14"], Timeline(missed, borisCall, start));
        Assert.Equal(["0s +12"], Timeline(missed, annasCall, start));
        AssertNobodySawTwoCardsAtOnce(missed);
    }

    private static async Task<EventAck> PublishAsync(QueueWorld queue, string callId)
    {
        var response = await queue.Pbx.Gateway.PublishAsync(
            new PublishRequest { Event = queue.World.Events.InboundCall(callId, "+4930555123") }, PbxTestClient.Headers(queue.Portal.ApiKey));
        return response.Ack;
    }

    private static void AssertNobodySawTwoCardsAtOnce(PortalSnapshot snapshot)
    {
        foreach (var user in snapshot.CardTimeline.GroupBy(c => c.UserId))
        {
            var open = 0;
            foreach (var change in user)
            {
                open += change.Shown ? 1 : -1;
                Assert.True(open <= 1, $"User {user.Key} saw two cards at once at {change.At:O}");
            }
        }
    }
}
