using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.World;
using static TelephonyHub.Silo.Tests.Queues.QueueWorld;

namespace TelephonyHub.Silo.Tests.Queues;

/// <summary>Scenario 2a through the real gateways on a fake clock: everybody free rings at once, one answers.</summary>
public sealed class SimultaneousQueueTests : IAsyncLifetime
{
    private QueueWorld _queue = null!;

    public async Task InitializeAsync() =>
        _queue = await StartAsync(Simultaneous(20, 1, TestUsers.Anna, TestUsers.Boris, TestUsers.Clara, TestUsers.Dmitri));

    public async Task DisposeAsync() => await _queue.DisposeAsync();

    [Fact]
    public async Task ThreeFreeAndOneBusyMember_TheFreeSeeTheCardAtOnce_AndOneHideLeavesItWithWhoAnswered()
    {
        await _queue.ReportAsync("104", ExtensionState.Busy);

        var start = await _queue.CallAsync("sim-1");

        var ringing = await _queue.WaitForAsync(
            p => HasCards(p, "sim-1", TestUsers.Anna, TestUsers.Boris, TestUsers.Clara)
                && p.RequestsFor("telephony.externalcall.register").Count == 1 && p.RequestsFor("telephony.externalcall.show").Count == 1,
            "Anna, Boris and Clara see the card");
        var register = Assert.Single(ringing.RequestsFor("telephony.externalcall.register"));
        Assert.Equal(("12", "1"), (register.Parameter("USER_ID"), register.Parameter("SHOW")));
        var show = Assert.Single(ringing.RequestsFor("telephony.externalcall.show"));
        Assert.Equal(("14", "16", null), (show.Parameter("USER_ID[0]"), show.Parameter("USER_ID[1]"), show.Parameter("USER_ID[2]")));
        var ring = await _queue.NextRingAsync("101", "102", "103");
        Assert.Equal((20, "sim-1"), (ring.RingExtensions.RingSeconds, ring.RingExtensions.CallId));
        await _queue.Pbx.AcknowledgeAsync(ring);

        _queue.Advance(TimeSpan.FromSeconds(4));
        await _queue.Pbx.SendAsync(_queue.World.Events.Answered("sim-1", "102"));

        var answered = await _queue.WaitForCardsAsync("sim-1", "only Boris, who answered, keeps the card", "telephony.externalcall.hide", 1, TestUsers.Boris);
        var hide = Assert.Single(answered.RequestsFor("telephony.externalcall.hide"));
        Assert.Equal(("12", "16", null), (hide.Parameter("USER_ID[0]"), hide.Parameter("USER_ID[1]"), hide.Parameter("USER_ID[2]")));
        Assert.Equal(["0s +12", "0s +14", "0s +16", "4s -12", "4s -16"], Timeline(answered, "sim-1", start));

        // Past the step's end (an answered call has no step any more), but under the hub's 60 s Bitrix24 request
        // timeout, which runs on this fake clock too.
        _queue.Advance(TimeSpan.FromSeconds(26));
        await _queue.Pbx.SendAsync(_queue.World.Events.Ended("sim-1", CallOutcome.Answered, talkSeconds: 26));

        var finished = await _queue.WaitForAsync(p => p.CallLog.Count == 1, "the call is in the call log");
        var record = Assert.Single(finished.CallLog);
        Assert.Equal((TestUsers.Boris, "200", 26), (record.UserId, record.StatusCode, record.Duration));
        Assert.Equal(["0s +12", "0s +14", "0s +16", "4s -12", "4s -16", "30s -14"], Timeline(finished, "sim-1", start));
        Assert.DoesNotContain(finished.CardTimeline, c => c.UserId == TestUsers.Dmitri);
        Assert.False(_queue.Pbx.TryTakeCommand(out var extra), $"No command after the answer, got {extra}");
    }
}
