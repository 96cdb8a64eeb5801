namespace TelephonyHub.PortalEmulator.Tests.Telephony;

/// <summary>Reference §5.0 lifecycle, §5.3 finish, §9 item 7.</summary>
public sealed class FinishTests
{
    [Fact]
    public async Task Finish_RemovesActiveCallAndAnswersTheStatisticsRow()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync(("EXTERNAL_CALL_ID", "pbx-77"));

        var reply = await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "11"), ("ADD_TO_CHAT", "1"));

        Assert.Equal(200, reply.Status);
        var r = reply.Result!;
        Assert.Equal(callId, r["CALL_ID"]!.GetValue<string>());
        Assert.Equal("pbx-77", r["EXTERNAL_CALL_ID"]!.GetValue<string>());
        Assert.Equal("2", r["INCOMING"]!.GetValue<string>());
        Assert.Equal("{}", r["CALL_START_DATE"]!.ToJsonString());
        Assert.Equal(0, r["CALL_STATUS"]!.GetValue<int>());
        Assert.Equal("304", r["CALL_FAILED_CODE"]!.GetValue<string>());
        Assert.StartsWith("REST_APP:", r["PORTAL_NUMBER"]!.GetValue<string>());
        Assert.Equal("Hub under test", r["REST_APP_NAME"]!.GetValue<string>());
        Assert.Empty(h.Portal.Snapshot.ActiveCalls);
        var row = h.Portal.Snapshot.CallLog.Single();
        Assert.True(row.AddToChat);
    }

    [Fact]
    public async Task Finish_WithDuration_IsASuccessfulCallWhateverTheStatusCode()
    {
        // Reference §5.3: CALL_STATUS = 1 iff DURATION > 0.
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync();

        var reply = await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "11"), ("DURATION", "42"), ("STATUS_CODE", "486"), ("COST", "0.25"));

        Assert.Equal(1, reply.Result!["CALL_STATUS"]!.GetValue<int>());
        Assert.Equal("486", reply.Result["CALL_FAILED_CODE"]!.GetValue<string>());
        Assert.Equal(42, h.Portal.Snapshot.CallLog.Single().Duration);
        Assert.False(h.Portal.Snapshot.CallLog.Single().AddToChat);
    }

    [Fact]
    public async Task SecondFinish_AnswersCallNotFound()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync();
        await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "11"));

        var reply = await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "11"));

        Assert.Equal(400, reply.Status);
        Assert.Equal("", reply.Error);
        Assert.Equal("Call is not found (call should be registered prior to finishing", reply.Description);
        Assert.Single(h.Portal.Snapshot.CallLog);
    }

    [Fact]
    public async Task Finish_WithoutUser_IsCheckedBeforeTheCall()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", "externalCall.nope.1"));

        Assert.Equal("USER_ID or USER_PHONE_INNER should be set", reply.Description);
    }

    [Fact]
    public async Task Finish_HidesTheCardOnlyForTheFinishingUser()
    {
        // Reference open question 11: cards shown to others stay until hide.
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync();
        await h.GetAsync("telephony.externalcall.show", $"CALL_ID={callId}&USER_ID[0]=24");

        await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "11"), ("DURATION", "3"));

        Assert.Empty(h.Portal.Snapshot.CardsOf(11));
        Assert.Equal([callId], h.Portal.Snapshot.CardsOf(24));
        var last = h.Portal.Snapshot.CardTimeline[^1];
        Assert.Equal((11, false, "telephony.externalcall.finish"), (last.UserId, last.Shown, last.CausedBy));
    }
}
