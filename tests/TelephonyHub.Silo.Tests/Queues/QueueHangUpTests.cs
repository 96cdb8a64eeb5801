using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.World;
using static TelephonyHub.Silo.Tests.Queues.QueueWorld;

namespace TelephonyHub.Silo.Tests.Queues;

/// <summary>The caller gives up while the queue rings: every card goes at once and the call is a missed call.</summary>
public sealed class QueueHangUpTests
{
    [Theory]
    [InlineData("sequential", new[] { "0s +12", "2s -12" }, new string[0])]
    [InlineData("simultaneous", new[] { "0s +12", "0s +14", "0s +16", "2s -14", "2s -16", "2s -12" }, new[] { "14", "16" })]
    public async Task CallerHangsUpDuringStepOne_AllCardsDisappear_AndTheRecordIsFinished(string mode, string[] timeline, string[] hiddenAtOnce)
    {
        var members = new long[] { TestUsers.Anna, TestUsers.Boris, TestUsers.Clara };
        await using var queue = await StartAsync(new("7", "Support", mode, members, 5, 1, null));

        var start = await queue.CallAsync("gone-1");
        await queue.WaitForAsync(p => p.Cards.Count == (mode == "sequential" ? 1 : 3), "the first step's cards are up");
        await queue.Pbx.NextCommandAsync("the first ring");
        queue.Advance(TimeSpan.FromSeconds(2));
        await queue.Pbx.SendAsync(queue.World.Events.Ended("gone-1", CallOutcome.Cancelled));

        var done = await queue.WaitForAsync(
            p => p.RequestsFor("telephony.externalcall.finish").Count == 1
                && p.RequestsFor("telephony.externalcall.hide").Count == (hiddenAtOnce.Length > 0 ? 1 : 0) && p.Cards.Count == 0,
            "no card left, the call finished");
        var record = done.CallLog[0];
        Assert.Equal((TestUsers.Anna, "304", 0), (record.UserId, record.StatusCode, record.Duration));
        Assert.Equal(timeline, Timeline(done, "gone-1", start));
        var hides = done.RequestsFor("telephony.externalcall.hide");
        Assert.Equal(hiddenAtOnce, hides.SelectMany(h => h.Parameters.Where(p => p.Name.StartsWith("USER_ID", StringComparison.Ordinal)).Select(p => p.Value)).ToArray());

        queue.Advance(TimeSpan.FromSeconds(10));
        await queue.Pbx.SendAsync(queue.World.Events.ExtensionState("101", ExtensionState.Idle)); // a round trip through the hub
        Assert.False(queue.Pbx.TryTakeCommand(out var extra), $"No ring after the caller left, got {extra}");
    }
}
