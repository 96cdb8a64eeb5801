using System.Collections.Immutable;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.ClickToCall;

namespace TelephonyHub.Grains.Tests.ClickToCall;

public sealed class ClickToCallDecisionsTests
{
    private const long Anna = 12;
    private const long Boris = 14;
    private const long Admin = 1;
    private const string CallId = "externalCall.89350264e026dace3f2b14d1f438257c.1773236989";
    private const string ClickKeyOfTest = "portal-1/" + CallId;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly ClickToCallOptions Options = new();

    private static readonly PortalDialContext Portal = new()
    {
        Installed = true,
        DefaultRegion = "DE",
        AddToChat = true,
        FallbackUserId = Admin,
        Extensions = ImmutableDictionary<string, long>.Empty.Add("101", Anna).Add("102", Boris),
    };

    private static readonly ImmutableDictionary<string, ExtensionState> NoPresence = ImmutableDictionary<string, ExtensionState>.Empty;

    [Fact]
    public void ClickWithCallId_OriginatesFromTheUsersExtension_ToTheInternationalNumber_CarryingTheCall()
    {
        var transition = ClickToCallDecisions.OnContext(Accepted(Click()), Portal, NoPresence, Now, Options);

        var originate = Assert.IsType<OriginateEffect>(Assert.Single(transition.Effects));
        Assert.Equal(ClickPhase.Originating, transition.State.Phase);
        Assert.Equal(("101", "+494951234567", "7", CallId), (originate.Command.Extension, originate.Command.Number, originate.Command.LineNumber, originate.Command.Bitrix24CallId));
        Assert.Equal("click:" + CallId, originate.RequestId);
        Assert.Equal(Now + Options.AcknowledgeTimeout, originate.ExpiresAt);
        Assert.Equal(originate.ExpiresAt, transition.State.Deadline);
    }

    [Fact]
    public void ClickWithoutInternationalForm_DialsTheNumberNormalisedInThePortalsRegion()
    {
        var click = Click() with { PhoneNumber = "030 1234567", PhoneNumberInternational = null };

        var transition = ClickToCallDecisions.OnContext(Accepted(click), Portal, NoPresence, Now, Options);

        Assert.Equal("+49301234567", Assert.IsType<OriginateEffect>(Assert.Single(transition.Effects)).Command.Number);
    }

    [Fact]
    public void SameEventDeliveredTwice_IsTakenOnce()
    {
        var first = ClickToCallDecisions.OnRequest(new ClickToCallState(), Click());

        var second = ClickToCallDecisions.OnRequest(first.State, Click());

        Assert.True(first.Changed);
        Assert.Equal(ClickPhase.Accepted, first.State.Phase);
        Assert.False(second.Changed);
        Assert.Empty(second.Effects);
    }

    [Fact]
    public void ClickWithoutCallId_IsRegisteredOutgoingForTheUser_WithTheCallList_BeforeAnyOriginate()
    {
        var click = Click() with { Bitrix24CallId = null, CallListId = 5, CrmEntityType = "CONTACT", CrmEntityId = 797 };

        var transition = ClickToCallDecisions.OnContext(Accepted(click), Portal, NoPresence, Now, Options);

        var register = Assert.IsType<RegisterClickEffect>(Assert.Single(transition.Effects));
        Assert.Equal(ClickPhase.Registering, transition.State.Phase);
        Assert.Equal((Anna, ExternalCallType.Outgoing, "+494951234567", 5L), (register.UserId, register.Type, register.Number, register.CallListId));
        Assert.Equal(("CONTACT", 797L, "7", true), (register.CrmEntityType, register.CrmEntityId, register.LineNumber, register.ShowCard));
    }

    [Fact]
    public void RegisterAnswer_OriginatesWithTheRegisteredCall()
    {
        var registering = ClickToCallDecisions.OnContext(Accepted(Click() with { Bitrix24CallId = null }), Portal, NoPresence, Now, Options).State;

        var transition = ClickToCallDecisions.OnRegistered(registering, "externalCall.new.1", Now.AddSeconds(1), Options);

        var originate = Assert.IsType<OriginateEffect>(Assert.Single(transition.Effects));
        Assert.Equal("externalCall.new.1", originate.Command.Bitrix24CallId);
        Assert.Equal("externalCall.new.1", transition.State.Bitrix24CallId);
    }

    [Fact]
    public void RegisterAnswerAfterTheWindow_FinishesTheCallInsteadOfRingingLate()
    {
        var registering = ClickToCallDecisions.OnContext(Accepted(Click() with { Bitrix24CallId = null }), Portal, NoPresence, Now, Options).State;

        var transition = ClickToCallDecisions.OnRegistered(registering, "externalCall.late.1", Now + Options.RegisterWindow + TimeSpan.FromSeconds(1), Options);

        var finish = Assert.IsType<FinishClickEffect>(Assert.Single(transition.Effects));
        Assert.Equal(("externalCall.late.1", "480"), (finish.Bitrix24CallId, finish.Failure.StatusCode));
    }

    [Fact]
    public void UserWithoutExtension_IsFinishedAtOnceWith480AndAReason()
    {
        var click = Click() with { UserId = Admin };

        var transition = ClickToCallDecisions.OnContext(Accepted(click), Portal, NoPresence, Now, Options);

        var finish = Assert.IsType<FinishClickEffect>(Assert.Single(transition.Effects));
        Assert.Equal(ClickPhase.Failed, transition.State.Phase);
        Assert.Equal((CallId, Admin, "480", true), (finish.Bitrix24CallId, finish.UserId, finish.Failure.StatusCode, finish.AddToChat));
        Assert.Contains("no phone extension", finish.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PbxOffline_FinishesWith503()
    {
        var transition = ClickToCallDecisions.OnDelivery(Originating(), PbxDelivery.NoStream);

        var finish = Assert.IsType<FinishClickEffect>(Assert.Single(transition.Effects));
        Assert.Equal(("503", Anna), (finish.Failure.StatusCode, finish.UserId));
        Assert.Contains("not connected", finish.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OriginateDelivered_WaitsForTheAcknowledgement()
    {
        var transition = ClickToCallDecisions.OnDelivery(Originating(), PbxDelivery.Delivered);

        Assert.False(transition.Changed);
    }

    [Fact]
    public void PbxRejectsTheOriginate_FinishesWith403AndThePbxsReason()
    {
        var transition = ClickToCallDecisions.OnAcknowledged(Originating(), Ack(PbxCommandAckStatus.Rejected, "extension 101 is not registered"), Now, Options);

        var finish = Assert.IsType<FinishClickEffect>(Assert.Single(transition.Effects));
        Assert.Equal("403", finish.Failure.StatusCode);
        Assert.Contains("extension 101 is not registered", finish.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void PbxAcceptsTheOriginate_WaitsForItsCallUntilTheReportTimeout()
    {
        var transition = ClickToCallDecisions.OnAcknowledged(Originating(), Ack(PbxCommandAckStatus.Accepted), Now.AddSeconds(2), Options);

        Assert.Empty(transition.Effects);
        Assert.Equal(ClickPhase.Dialling, transition.State.Phase);
        Assert.Equal(Now.AddSeconds(2) + Options.CallReportTimeout, transition.State.Deadline);
    }

    [Fact]
    public void NoAcknowledgementInTime_FinishesWith503()
    {
        var originating = Originating();

        var early = ClickToCallDecisions.OnDeadline(originating, originating.Deadline!.Value.AddTicks(-1));
        var due = ClickToCallDecisions.OnDeadline(originating, originating.Deadline!.Value);

        Assert.False(early.Changed);
        Assert.Equal("503", Assert.IsType<FinishClickEffect>(Assert.Single(due.Effects)).Failure.StatusCode);
        Assert.Null(due.State.Deadline);
    }

    [Fact]
    public void AcceptedButNeverReported_FinishesWith480()
    {
        var dialling = ClickToCallDecisions.OnAcknowledged(Originating(), Ack(PbxCommandAckStatus.Accepted), Now, Options).State;

        var transition = ClickToCallDecisions.OnDeadline(dialling, dialling.Deadline!.Value);

        Assert.Equal("480", Assert.IsType<FinishClickEffect>(Assert.Single(transition.Effects)).Failure.StatusCode);
    }

    [Fact]
    public void LinkExpiredOnTheLink_FinishesWith503_AndALateAcceptIsIgnored()
    {
        var failed = ClickToCallDecisions.OnAcknowledged(Originating(), Ack(PbxCommandAckStatus.Expired), Now, Options);

        var late = ClickToCallDecisions.OnAcknowledged(failed.State, Ack(PbxCommandAckStatus.Accepted), Now, Options);

        Assert.Equal("503", Assert.IsType<FinishClickEffect>(Assert.Single(failed.Effects)).Failure.StatusCode);
        Assert.False(late.Changed);
    }

    [Fact]
    public void PbxCall_TakesTheBitrix24CallOver_EvenBeforeTheAcknowledgement()
    {
        var click = Click() with { CallListId = 5 };
        var originating = ClickToCallDecisions.OnContext(Accepted(click), Portal, NoPresence, Now, Options).State;

        var (transition, link) = ClickToCallDecisions.OnLinkRequested(originating, "portal-1/pbx-7", ClickKeyOfTest);

        Assert.Equal(ClickPhase.Linked, transition.State.Phase);
        Assert.Null(transition.State.Deadline);
        Assert.Empty(transition.Effects);
        Assert.NotNull(link);
        Assert.Equal((CallId, Anna, 5L, ClickKeyOfTest), (link.Bitrix24CallId, link.UserId, link.CallListId, link.ClickKey));
    }

    [Fact]
    public void SamePbxCallAskingAgain_GetsTheSameLink_AnotherPbxCallGetsNone()
    {
        var (linked, _) = ClickToCallDecisions.OnLinkRequested(Originating(), "portal-1/pbx-7", ClickKeyOfTest);

        var (again, sameLink) = ClickToCallDecisions.OnLinkRequested(linked.State, "portal-1/pbx-7", ClickKeyOfTest);
        var (_, otherLink) = ClickToCallDecisions.OnLinkRequested(linked.State, "portal-1/pbx-8", ClickKeyOfTest);

        Assert.False(again.Changed);
        Assert.Equal(CallId, sameLink?.Bitrix24CallId);
        Assert.Null(otherLink);
    }

    [Fact]
    public void FailedClick_IsNotLinked_AndLaterAcknowledgementsChangeNothing()
    {
        var failed = ClickToCallDecisions.OnDelivery(Originating(), PbxDelivery.NoStream).State;

        var (transition, link) = ClickToCallDecisions.OnLinkRequested(failed, "portal-1/pbx-7", ClickKeyOfTest);

        Assert.Null(link);
        Assert.False(transition.Changed);
        Assert.False(ClickToCallDecisions.OnAcknowledged(failed, Ack(PbxCommandAckStatus.Rejected), Now, Options).Changed);
    }

    [Fact]
    public void PortalWithoutTheApp_IsDroppedWithoutAnyRequest()
    {
        var transition = ClickToCallDecisions.OnContext(Accepted(Click()), Portal with { Installed = false }, NoPresence, Now, Options);

        Assert.Equal(ClickPhase.Dropped, transition.State.Phase);
        Assert.Empty(transition.Effects);
    }

    [Fact]
    public void Callback_IsRegisteredAsCallbackForTheFreeOperator_ThenOriginatedWithTheFormsText()
    {
        var callback = Callback();
        var presence = NoPresence.Add("101", ExtensionState.Busy).Add("102", ExtensionState.Idle);

        var registering = ClickToCallDecisions.OnContext(Accepted(callback), Portal, presence, Now, Options);
        var placing = ClickToCallDecisions.OnRegistered(registering.State, "externalCall.cb.1", Now, Options);

        var register = Assert.IsType<RegisterClickEffect>(Assert.Single(registering.Effects));
        Assert.Equal((Boris, ExternalCallType.Callback, true), (register.UserId, register.Type, register.ShowCard));
        Assert.Equal(("LEAD", 31L, "7"), (register.CrmEntityType, register.CrmEntityId, register.LineNumber));
        var originate = Assert.IsType<OriginateEffect>(Assert.Single(placing.Effects)).Command;
        Assert.Equal(("102", "+4930777888", "externalCall.cb.1"), (originate.Extension, originate.Number, originate.Bitrix24CallId));
        Assert.Equal(("Please call me about the offer", "ruinternalfemale"), (originate.Announcement, originate.AnnouncementVoice));
    }

    [Fact]
    public void CallbackWithNobodyFree_IsRecordedAsAFailedCallbackOfTheFallbackUser()
    {
        var presence = NoPresence.Add("101", ExtensionState.Busy).Add("102", ExtensionState.Offline);

        var registering = ClickToCallDecisions.OnContext(Accepted(Callback()), Portal, presence, Now, Options);
        var failed = ClickToCallDecisions.OnRegistered(registering.State, "externalCall.cb.2", Now, Options);

        var register = Assert.IsType<RegisterClickEffect>(Assert.Single(registering.Effects));
        Assert.Equal((Admin, false), (register.UserId, register.ShowCard));
        var finish = Assert.IsType<FinishClickEffect>(Assert.Single(failed.Effects));
        Assert.Equal(("externalCall.cb.2", Admin, "480"), (finish.Bitrix24CallId, finish.UserId, finish.Failure.StatusCode));
        Assert.Contains("No operator was free", finish.Failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RegisterRefused_DropsTheClick()
    {
        var registering = ClickToCallDecisions.OnContext(Accepted(Click() with { Bitrix24CallId = null }), Portal, NoPresence, Now, Options).State;

        var transition = ClickToCallDecisions.OnRegisterFailed(registering, "User is not found or is not active");

        Assert.Equal(ClickPhase.Dropped, transition.State.Phase);
        Assert.Empty(transition.Effects);
    }

    private static DialRequest Click() => new()
    {
        ClickId = CallId,
        Kind = DialKind.Click,
        Bitrix24CallId = CallId,
        UserId = Anna,
        PhoneNumber = "+494951234567",
        PhoneNumberInternational = "+494951234567",
        LineNumber = "7",
        ReceivedAt = Now,
    };

    private static DialRequest Callback() => new()
    {
        ClickId = "callback.t1.n4930777888",
        Kind = DialKind.Callback,
        PhoneNumber = "030 777888",
        LineNumber = "7",
        CrmEntityType = "LEAD",
        CrmEntityId = 31,
        Announcement = "Please call me about the offer",
        AnnouncementVoice = "ruinternalfemale",
        ReceivedAt = Now,
    };

    private static ClickToCallState Accepted(DialRequest request) => ClickToCallDecisions.OnRequest(new ClickToCallState(), request).State;

    private static ClickToCallState Originating() => ClickToCallDecisions.OnContext(Accepted(Click()), Portal, NoPresence, Now, Options).State;

    private static PbxCommandAck Ack(PbxCommandAckStatus status, string? reason = null) => new()
    {
        RequestId = "click:" + CallId,
        Status = status,
        Reason = reason,
    };
}
