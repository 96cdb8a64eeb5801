using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>
/// Work a dispatch owes a portal that cannot be reached: a few calls started and ended (records to replay without
/// cards) and one call still ringing at Boris's extension (a card to show once the portal is back).
/// </summary>
internal static class PendingWork
{
    public const int FinishedCalls = 6;
    public const string RingingCall = "pending-ringing";

    public static string CallId(int index) => $"pending-{index}";

    public static async Task PlayAsync(TelephonyWorld world, PbxTestClient pbx)
    {
        for (var i = 0; i < FinishedCalls; i++)
        {
            await pbx.SendAllAsync(
                world.Events.InboundCall(CallId(i), $"+4930200{i:000}", "101"),
                world.Events.Answered(CallId(i), "101"),
                world.Events.Ended(CallId(i), CallOutcome.Answered, talkSeconds: 10 + i));
        }

        await pbx.SendAllAsync(world.Events.InboundCall(RingingCall, "+4930200999", "102"), world.Events.Ringing(RingingCall, "102"));
    }

    public static bool Delivered(PortalSnapshot portal) =>
        portal.CallLog.Count == FinishedCalls && portal.CardsOf(TestUsers.Boris).Count == 1;

    /// <summary>Each call registered and finished exactly once, in order, the finished ones without a card.</summary>
    public static void AssertDeliveredOnce(PortalSnapshot portal)
    {
        var registers = portal.RequestsFor("telephony.externalcall.register").Where(r => r.StatusCode == 200).ToList();
        var finishes = portal.RequestsFor("telephony.externalcall.finish").Where(r => r.StatusCode == 200).ToList();
        Assert.Equal([.. Enumerable.Range(0, FinishedCalls).Select(CallId), RingingCall], registers.Select(r => r.Parameter("EXTERNAL_CALL_ID")).Order(StringComparer.Ordinal));
        Assert.Equal(FinishedCalls, finishes.Count);
        Assert.Equal(Enumerable.Range(0, FinishedCalls).Select(CallId), portal.CallLog.Select(r => r.ExternalCallId));
        Assert.Equal(Enumerable.Range(0, FinishedCalls).Select(i => 10 + i), portal.CallLog.Select(r => r.Duration));
        Assert.All(registers.Where(r => r.Parameter("EXTERNAL_CALL_ID") != RingingCall), r => Assert.Equal("0", r.Parameter("SHOW")));
        var recorded = portal.CallLog.Select(r => r.CallId).ToHashSet();
        Assert.DoesNotContain(portal.CardTimeline, change => recorded.Contains(change.CallId));
    }
}
