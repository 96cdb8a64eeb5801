using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.ClickToCall;

/// <summary>
/// Scenario 4 through the real gateways: a user clicks a number on the emulated portal, which registers the call and
/// posts ONEXTERNALCALLSTART to the hub; a gRPC client plays the PBX, carries out the originate and reports the call.
/// </summary>
public sealed class ClickToCallTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private const string Finish = "telephony.externalcall.finish";
    private const string Register = "telephony.externalcall.register";

    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task Click_OriginatesFromTheUsersExtension_AndTheCallIsFinishedOnTheClickedCallAndItsCallList()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);

        var click = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId,
            new ClickToCallRequest(TestUsers.Anna, "030 1234567") { CallListId = 5, LineNumber = "1" });
        var command = await pbx.NextCommandAsync("the originate for Anna's click");

        Assert.Equal(200, Assert.Single(click.Deliveries).StatusCode);
        var originate = command.OriginateCall;
        Assert.NotNull(originate);
        Assert.Equal(("101", "+49301234567", "1", click.CallId), (originate.Extension, originate.Number, originate.LineNumber, originate.Bitrix24CallId));

        await pbx.AcknowledgeAsync(command, callId: "c2c-1");
        var acks = await pbx.SendAllAsync(
            World.Events.OutboundCall("c2c-1", "101", originate.Number, originateRequestId: command.RequestId),
            World.Events.Answered("c2c-1", "101"),
            World.Events.Ended("c2c-1", CallOutcome.Answered, talkSeconds: 42));
        Assert.All(acks, ack => Assert.Equal(EventAckStatus.Applied, ack.Status));

        var done = await World.WaitForAsync(portal, p => p.CallLog.Count == 1 && p.RequestsFor(Finish).Count == 1, "the clicked call in the call log");
        var finish = Assert.Single(done.RequestsFor(Finish));
        Assert.Equal((click.CallId, "12", "42", "200"),
            (finish.Parameter("CALL_ID"), finish.Parameter("USER_ID"), finish.Parameter("DURATION"), finish.Parameter("STATUS_CODE")));
        var record = Assert.Single(done.CallLog);
        Assert.Equal((click.CallId, 5, 42, CallType.Outgoing), (record.CallId, record.CallListId, record.Duration, record.Type));
        Assert.Empty(done.RequestsFor(Register)); // Bitrix24 registered the call: the hub never does it again
        Assert.Empty(done.Cards);
    }

    [Fact]
    public async Task ClickWithoutCallId_IsRegisteredByTheHub_WithTheCallList_ThenPlacedAndFinished()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);

        await World.Emulator.Admin.ClickToCallAsync(portal.MemberId,
            new ClickToCallRequest(TestUsers.Boris, "+49 30 7654321") { CallListId = 7, OmitCallId = true, ShowCard = false });
        var registered = await World.WaitForAsync(portal, p => p.RequestsFor(Register).Count == 1, "the hub registers the click");
        var command = await pbx.NextCommandAsync("the originate for Boris's click");

        var register = Assert.Single(registered.RequestsFor(Register));
        Assert.Equal(("1", "14", "+49307654321", "7", "1"),
            (register.Parameter("TYPE"), register.Parameter("USER_ID"), register.Parameter("PHONE_NUMBER"), register.Parameter("CALL_LIST_ID"), register.Parameter("SHOW")));
        var callId = registered.ActiveCalls.Single(a => a.ExternalCallId == register.Parameter("EXTERNAL_CALL_ID")).CallId;
        Assert.Equal(("102", callId), (command.OriginateCall.Extension, command.OriginateCall.Bitrix24CallId));

        await pbx.AcknowledgeAsync(command);
        await pbx.SendAllAsync(
            World.Events.OutboundCall("c2c-2", "102", "+49307654321", originateRequestId: command.RequestId),
            World.Events.Ended("c2c-2", CallOutcome.NoAnswer));

        var done = await World.WaitForAsync(portal, p => p.Finished(callId) is not null && p.RequestsFor(Finish).Count == 1, "the hub's registered call finished");
        var record = done.Finished(callId)!;
        Assert.Equal((7, 0, "304"), (record.CallListId, record.Duration, record.StatusCode));
        Assert.Single(done.RequestsFor(Register));
    }

    [Fact]
    public async Task SameEventDeliveredTwice_StartsOneCallOnly()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        var first = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Anna, "+49301111111"));
        var originate = await pbx.NextCommandAsync("the originate of the first delivery");

        var (status, body) = await EventReplay.PostAsync(World.Http, Assert.Single(first.Deliveries).Fields);
        var second = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Clara, "+49302222222"));
        var next = await pbx.NextCommandAsync("the originate of the second click");

        Assert.Equal(first.CallId, originate.OriginateCall.Bitrix24CallId);
        Assert.Equal((200, "\"duplicate\""), (status, body));
        Assert.Equal(second.CallId, next.OriginateCall.Bitrix24CallId); // not a second originate for the first click
        Assert.Equal("103", next.OriginateCall.Extension);
    }

    [Fact]
    public async Task CallbackForm_IsPlacedThroughTheFreeOperator_AndRegisteredAsACallback()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(World.Events.ExtensionState("101", ExtensionState.Busy), World.Events.ExtensionState("102", ExtensionState.Idle));

        var deliveries = await World.Emulator.Admin.SubmitCallbackFormAsync(portal.MemberId,
            new CallbackRequest("+49 30 777888") { LineNumber = "1", Text = "Please call me about the offer" });
        var registered = await World.WaitForAsync(portal, p => p.RequestsFor(Register).Count == 1, "the hub registers the callback");
        var command = await pbx.NextCommandAsync("the originate for the callback");

        Assert.Equal(200, Assert.Single(deliveries).StatusCode);
        var register = Assert.Single(registered.RequestsFor(Register));
        Assert.Equal(("4", "14", "+4930777888", "1"),
            (register.Parameter("TYPE"), register.Parameter("USER_ID"), register.Parameter("PHONE_NUMBER"), register.Parameter("LINE_NUMBER")));
        var callId = registered.ActiveCalls.Single(a => a.ExternalCallId == register.Parameter("EXTERNAL_CALL_ID")).CallId;
        var originate = command.OriginateCall;
        Assert.Equal(("102", "+4930777888", callId, "Please call me about the offer"),
            (originate.Extension, originate.Number, originate.Bitrix24CallId, originate.Announcement));

        await pbx.AcknowledgeAsync(command);
        await pbx.SendAllAsync(
            World.Events.OutboundCall("cb-1", "102", originate.Number, originateRequestId: command.RequestId),
            World.Events.Answered("cb-1", "102"),
            World.Events.Ended("cb-1", CallOutcome.Answered, talkSeconds: 30));

        var done = await World.WaitForAsync(portal, p => p.Finished(callId) is not null, "the callback in the call log");
        Assert.Equal((CallType.Callback, 14, 30), (done.Finished(callId)!.Type, done.Finished(callId)!.UserId, done.Finished(callId)!.Duration));
        Assert.Single(done.RequestsFor(Register));
    }
}
