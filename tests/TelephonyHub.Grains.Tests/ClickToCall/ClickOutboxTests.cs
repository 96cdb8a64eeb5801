using System.Collections.Immutable;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.ClickToCall;

namespace TelephonyHub.Grains.Tests.ClickToCall;

/// <summary>Where a click's effects go, and what Bitrix24's answers to its own requests change.</summary>
public sealed class ClickOutboxTests
{
    private const long Anna = 12;
    private const string ClickId = "click-1";
    private const string Key = "portal-1/" + ClickId;
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly ClickToCallOptions Options = new();
    private static readonly GrainId Click = GrainId.Create("click", Key);

    private static readonly PortalDialContext Portal = new()
    {
        Installed = true,
        DefaultRegion = "DE",
        AddToChat = true,
        FallbackUserId = 1,
        Extensions = ImmutableDictionary<string, long>.Empty.Add("101", Anna),
    };

    [Fact]
    public void ClickWithoutCallId_SendsItsRegisterToTheDispatch_OnTheClicksOwnLane()
    {
        var registering = Registering();

        var parts = ClickOutboxParts.Of(Key, registering.Outbox, Click);

        var register = Assert.Single(parts.Requests);
        Assert.Equal(("click:" + Key, "telephony.externalcall.register", Click), (register.Lane, register.Request.Method, register.ReplyTo));
        Assert.Equal(DispatchPriority.LiveCard, register.Priority);
        Assert.Empty(parts.Originates);
    }

    [Fact]
    public void Originate_GoesToThePbx_OnlyWhileItIsStillWorthRinging()
    {
        var registered = ClickAnswers.Of(Registering(), RegisterAnswer(), Now, Options)!;

        var parts = ClickOutboxParts.Of(Key, registered.Effects, Click);

        Assert.Empty(parts.Requests);
        var originate = Assert.Single(parts.OriginatesDueAt(Now));
        Assert.Equal("externalCall.1", originate.Command.Bitrix24CallId);
        Assert.Empty(parts.OriginatesDueAt(originate.ExpiresAt));
    }

    [Fact]
    public void RegisterRefused_DropsTheClick()
    {
        var refused = RegisterAnswer() with
        {
            Value = null,
            Error = new Bitrix24Error { Kind = Bitrix24ErrorKind.Validation, Code = "ERROR_USER", Description = "No such user" },
        };

        var transition = ClickAnswers.Of(Registering(), refused, Now, Options);

        Assert.NotNull(transition);
        Assert.True(transition.Changed);
        Assert.Equal(ClickPhase.Dropped, transition.State.Phase);
        Assert.Contains("ERROR_USER No such user", transition.State.Failure!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswerToAFailureFinish_ChangesNothing()
    {
        var finished = new DispatchResult
        {
            RequestId = "click:" + Key + "#finish",
            Request = new FinishExternalCall("externalCall.1", Anna, 0, "480", true),
            Value = new FinishExternalCallResult { CallId = "externalCall.1" },
        };

        Assert.Null(ClickAnswers.Of(Registering(), finished, Now, Options));
    }

    private static ClickToCallState Registering()
    {
        var click = new DialRequest
        {
            ClickId = ClickId,
            Kind = DialKind.Click,
            UserId = Anna,
            PhoneNumber = "+494951234567",
            PhoneNumberInternational = "+494951234567",
            LineNumber = "7",
            ReceivedAt = Now,
        };
        var accepted = ClickToCallDecisions.OnRequest(new ClickToCallState(), click).State;
        var registering = ClickToCallDecisions.OnContext(accepted, Portal, ImmutableDictionary<string, ExtensionState>.Empty, Now, Options);
        return registering.State with { Outbox = registering.Effects };
    }

    private static DispatchResult RegisterAnswer() => new()
    {
        RequestId = "click:" + Key + "#register",
        Request = new RegisterExternalCall(Anna, "+494951234567", ExternalCallType.Outgoing, Now, ClickId, true),
        Value = new RegisterExternalCallResult("externalCall.1", null, [], null, null),
    };
}
