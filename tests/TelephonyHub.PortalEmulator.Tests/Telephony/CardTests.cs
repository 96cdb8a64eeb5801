namespace TelephonyHub.PortalEmulator.Tests.Telephony;

/// <summary>Reference §5.2 (show/hide results) and the card board kept from show/hide/register/finish.</summary>
public sealed class CardTests
{
    [Fact]
    public async Task ShowAndHide_OnAFinishedCall_AnswerFalse()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync();
        await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "11"));

        var show = await h.GetAsync("telephony.externalcall.show", $"CALL_ID={callId}&USER_ID=24");
        var hide = await h.GetAsync("telephony.externalcall.hide", $"CALL_ID={callId}&USER_ID=24");

        Assert.Equal(200, show.Status);
        Assert.False(show.Result!.GetValue<bool>());
        Assert.False(hide.Result!.GetValue<bool>());
        Assert.Empty(h.Portal.Snapshot.Cards);
    }

    [Fact]
    public async Task Hide_WithoutUserId_HidesForTheRegisteredUser()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync();

        var reply = await h.GetAsync("telephony.externalcall.hide", $"CALL_ID={callId}");

        Assert.True(reply.Result!.GetValue<bool>());
        Assert.Empty(h.Portal.Snapshot.Cards);
    }

    [Fact]
    public async Task SequentialQueue_TimelineShowsEachStepInOrder()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync(("SHOW", "0"));

        await h.GetAsync("telephony.externalcall.show", $"CALL_ID={callId}&USER_ID=11");
        h.Clock.Advance(TimeSpan.FromSeconds(3));
        await h.GetAsync("telephony.externalcall.hide", $"CALL_ID={callId}&USER_ID=11");
        await h.GetAsync("telephony.externalcall.show", $"CALL_ID={callId}&USER_ID=24");

        var timeline = h.Portal.Snapshot.CardTimeline.Select(c => (c.UserId, c.Shown)).ToList();
        Assert.Equal([(11, true), (11, false), (24, true)], timeline);
        Assert.Equal(TimeSpan.FromSeconds(3), h.Portal.Snapshot.CardTimeline[1].At - h.Portal.Snapshot.CardTimeline[0].At);
    }

    [Fact]
    public async Task WaitFor_CompletesWhenTheCardAppears()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var waiting = h.Server.WaitForAsync(EmulatorHarness.Domain, s => s.CardsOf(24).Count == 1, EmulatorHarness.Timeout, "a card for user 24");
        Assert.False(waiting.IsCompleted);

        var callId = await h.RegisterAsync(("SHOW", "0"));
        await h.GetAsync("telephony.externalcall.show", $"CALL_ID={callId}&USER_ID=24");

        Assert.Equal([callId], (await waiting).CardsOf(24));
    }

    [Fact]
    public async Task WaitFor_TimesOutNamingTheExpectationAndTheState()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync();

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            h.Server.WaitForAsync(EmulatorHarness.Domain, s => s.CardsOf(24).Count == 1, TimeSpan.FromMilliseconds(200), "a card for user 24"));

        Assert.Contains("a card for user 24", error.Message);
        Assert.Contains($"user 11 sees {callId}", error.Message);
    }
}
