using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.Tests.Calls;

/// <summary>What Bitrix24's answers to a call's own requests change for the call.</summary>
public sealed class CallAnswersTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CallPolicy Policy = new() { AddToChat = false, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = 1 };

    private readonly CallEvents _events = new(Start);

    [Fact]
    public void RegisterAnswer_GivesTheCallItsBitrix24CallId_Once()
    {
        var call = Started();

        var registered = CallAnswers.Registered(call, RegisterAnswer("externalCall.1"));

        Assert.Equal("externalCall.1", registered!.Bitrix24CallId);
        Assert.Null(CallAnswers.Registered(registered, RegisterAnswer("externalCall.2")));
    }

    [Fact]
    public void RefusedRegister_GivesNoCallId()
    {
        var refused = RegisterAnswer("externalCall.1") with
        {
            Value = null,
            Error = new Bitrix24Error { Kind = Bitrix24ErrorKind.Validation, Code = "ERROR_USER", Description = "No such user" },
        };

        Assert.Null(CallAnswers.Registered(Started(), refused));
    }

    [Fact]
    public void FinishAnswerOfAFinishedCall_IsItsLast()
    {
        var finished = Finished();

        Assert.True(CallAnswers.IsLast(finished, FinishAnswer()));
        Assert.False(CallAnswers.IsLast(finished, RegisterAnswer("externalCall.1")));
        Assert.False(CallAnswers.IsLast(Started(), FinishAnswer()));
    }

    [Fact]
    public void FinishAnswerWhileEffectsWaitInTheOutbox_IsNotTheLast()
    {
        var finished = Finished();
        var withOutbox = finished with { Outbox = [new HideCardEffect { EffectId = "hide", UserIds = [12] }] };

        Assert.False(CallAnswers.IsLast(withOutbox, FinishAnswer()));
    }

    private CallState Started() =>
        CallDecisions.OnStarted(new CallState(), _events.InboundTo("101"), new CallStartContext("pbx-call-1", "+4930123456", 12, Policy)).State;

    private CallState Finished()
    {
        var ended = CallDecisions.OnEnded(Started(), _events.Ended(CallOutcome.NoAnswer), Start);
        Assert.Equal(CallPhase.Finished, ended.State.Phase);
        return ended.State;
    }

    private static DispatchResult RegisterAnswer(string callId) => new()
    {
        RequestId = "portal-1/pbx-call-1#register",
        Request = new RegisterExternalCall(12, "+4930123456", ExternalCallType.Incoming, Start, "pbx-call-1", true),
        Value = new RegisterExternalCallResult(callId, null, [], null, null),
    };

    private static DispatchResult FinishAnswer() => new()
    {
        RequestId = "portal-1/pbx-call-1#finish",
        Request = new FinishExternalCall("externalCall.1", 12, 0, "304", false),
        Value = new FinishExternalCallResult { CallId = "externalCall.1" },
    };
}
