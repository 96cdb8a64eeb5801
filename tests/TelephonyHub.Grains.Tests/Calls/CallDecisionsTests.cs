using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.Tests.Calls;

public sealed class CallDecisionsTests
{
    private const long Owner101 = 12;
    private const long Operator102 = 14;
    private const long Admin = 1;
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1));
    private static readonly CallPolicy Policy = new()
    {
        AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = Admin,
    };

    private readonly CallEvents _events = new(Start);

    [Fact]
    public void InboundCallToKnownExtension_RegistersForItsOwnerWithCard()
    {
        var evt = _events.InboundTo("101");

        var transition = CallDecisions.OnStarted(new CallState(), evt, Context(Owner101));

        Assert.Equal(EventVerdict.Applied, transition.Outcome.Verdict);
        var register = Assert.IsType<RegisterCallEffect>(Assert.Single(transition.Effects));
        Assert.Equal(Owner101, register.UserId);
        Assert.True(register.ShowCard);
        Assert.Equal(CallDirection.Inbound, register.Direction);
        Assert.Equal(Start, register.StartedAt);
        Assert.Equal("7", register.LineNumber);
        Assert.Equal("pbx-call-1", register.ExternalCallId);
        Assert.Equal(CallPhase.Started, transition.State.Phase);
        Assert.Equal([Owner101], transition.State.CardHolders.ToArray());
    }

    [Fact]
    public void InboundCallToUnknownExtension_RegistersForFallbackUserWithoutCard()
    {
        var transition = CallDecisions.OnStarted(new CallState(), _events.InboundTo("999"), Context(null));

        var register = Assert.IsType<RegisterCallEffect>(Assert.Single(transition.Effects));
        Assert.Equal(Admin, register.UserId);
        Assert.False(register.ShowCard);
        Assert.Empty(transition.State.CardHolders.ToArray());
    }

    [Fact]
    public void OutboundCallFromExtension_RegistersOutgoingForCaller()
    {
        var transition = CallDecisions.OnStarted(new CallState(), _events.OutboundFrom("101"), Context(Owner101));

        var register = Assert.IsType<RegisterCallEffect>(Assert.Single(transition.Effects));
        Assert.Equal(CallDirection.Outbound, register.Direction);
        Assert.Equal(Owner101, register.UserId);
    }

    [Fact]
    public void SecondCallStarted_IsRejectedAsFailedPrecondition()
    {
        var started = Started("101", Owner101);

        var transition = CallDecisions.OnStarted(started, _events.InboundTo("101"), Context(Owner101));

        Assert.Equal(EventVerdict.Rejected, transition.Outcome.Verdict);
        Assert.Equal(EventRejection.FailedPrecondition, transition.Outcome.Rejection);
        Assert.Same(started, transition.State);
        Assert.Empty(transition.Effects);
    }

    [Fact]
    public void EventsForCallNeverStarted_AreRejectedAsNotFound()
    {
        var none = new CallState();

        var outcomes = new[]
        {
            CallDecisions.OnRinging(none, _events.Ringing("101"), [Owner101]).Outcome,
            CallDecisions.OnAnswered(none, _events.Answered("101"), Owner101).Outcome,
            CallDecisions.OnTransferred(none, _events.Transferred("102"), Operator102).Outcome,
            CallDecisions.OnEnded(none, _events.Ended(CallOutcome.Answered), _events.Now).Outcome,
            CallDecisions.OnRecordingReady(none, _events.Recording()).Outcome,
        };

        Assert.All(outcomes, outcome =>
        {
            Assert.Equal(EventVerdict.Rejected, outcome.Verdict);
            Assert.Equal(EventRejection.NotFound, outcome.Rejection);
        });
    }

    [Fact]
    public void RingingAtOwnersExtension_ChangesNoCard()
    {
        var transition = CallDecisions.OnRinging(Started("101", Owner101), _events.Ringing("101"), [Owner101]);

        Assert.Equal(CallPhase.Ringing, transition.State.Phase);
        Assert.Empty(transition.Effects);
    }

    [Fact]
    public void RingingMovesToAnotherExtension_HidesOldAndShowsNewCard()
    {
        var transition = CallDecisions.OnRinging(Started("101", Owner101), _events.Ringing("102"), [Operator102]);

        Assert.Collection(transition.Effects,
            e => Assert.Equal([Owner101], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal([Operator102], Assert.IsType<ShowCardEffect>(e).UserIds.ToArray()));
        Assert.Equal([Operator102], transition.State.CardHolders.ToArray());
    }

    [Fact]
    public void AnsweredByOwner_AddsNothingForBitrix24()
    {
        var transition = CallDecisions.OnAnswered(Started("101", Owner101), _events.Answered("101"), Owner101);

        Assert.Equal(CallPhase.Answered, transition.State.Phase);
        Assert.Equal(Owner101, transition.State.HandlingUserId);
        Assert.Empty(transition.Effects);
    }

    [Fact]
    public void AnsweredByOneOfSeveralRinging_HidesCardFromTheOthers()
    {
        var ringing = CallDecisions.OnRinging(Started(null, null), _events.Ringing("101", "102"), [Owner101, Operator102]).State;

        var transition = CallDecisions.OnAnswered(ringing, _events.Answered("102"), Operator102);

        Assert.Equal([Owner101], Assert.IsType<HideCardEffect>(Assert.Single(transition.Effects)).UserIds.ToArray());
        Assert.Equal([Operator102], transition.State.CardHolders.ToArray());
    }

    [Fact]
    public void RingingAfterAnswered_IsIgnoredWithoutChange()
    {
        var answered = Answered("101", Owner101);

        var transition = CallDecisions.OnRinging(answered, _events.Ringing("102"), [Operator102]);

        Assert.Equal(EventVerdict.Ignored, transition.Outcome.Verdict);
        Assert.Same(answered, transition.State);
        Assert.Empty(transition.Effects);
    }

    [Fact]
    public void SecondAnswer_IsIgnored()
    {
        var transition = CallDecisions.OnAnswered(Answered("101", Owner101), _events.Answered("102"), Operator102);

        Assert.Equal(EventVerdict.Ignored, transition.Outcome.Verdict);
    }

    [Fact]
    public void AnsweredCallEnds_FinishesForAnswererWithTalkTimeAnd200()
    {
        var answered = Answered("101", Owner101);
        _events.After(TimeSpan.FromSeconds(42));

        var transition = CallDecisions.OnEnded(answered, _events.Ended(CallOutcome.Answered), _events.Now);

        var finish = Assert.IsType<FinishCallEffect>(Assert.Single(transition.Effects));
        Assert.Equal(Owner101, finish.Ending.FinishingUserId);
        Assert.Equal(42, finish.Ending.DurationSeconds);
        Assert.Equal("200", finish.Ending.StatusCode);
        Assert.True(finish.AddToChat);
        Assert.Equal(CallPhase.Finished, transition.State.Phase);
        Assert.Empty(transition.State.CardHolders.ToArray());
    }

    [Fact]
    public void TalkTimeReportedByPbx_WinsOverComputedTime()
    {
        var answered = Answered("101", Owner101);
        _events.After(TimeSpan.FromSeconds(42));

        var transition = CallDecisions.OnEnded(answered, _events.Ended(CallOutcome.Answered, talkSeconds: 40), _events.Now);

        Assert.Equal(40, Assert.IsType<FinishCallEffect>(Assert.Single(transition.Effects)).Ending.DurationSeconds);
    }

    [Theory]
    [InlineData(CallOutcome.NoAnswer, CallDirection.Inbound, null, "304")]
    [InlineData(CallOutcome.Cancelled, CallDirection.Inbound, null, "304")]
    [InlineData(CallOutcome.Cancelled, CallDirection.Outbound, null, "603-S")]
    [InlineData(CallOutcome.Busy, CallDirection.Outbound, null, "486")]
    [InlineData(CallOutcome.Declined, CallDirection.Outbound, null, "603")]
    [InlineData(CallOutcome.InvalidNumber, CallDirection.Outbound, null, "404")]
    [InlineData(CallOutcome.Unavailable, CallDirection.Outbound, null, "480")]
    [InlineData(CallOutcome.Unavailable, CallDirection.Outbound, 503, "503")]
    [InlineData(CallOutcome.Failed, CallDirection.Outbound, 423, "423")]
    [InlineData(CallOutcome.Failed, CallDirection.Outbound, 500, "OTHER")]
    public void UnansweredCallEnds_FinishesWithMappedStatusAndNoDuration(
        CallOutcome outcome, CallDirection direction, int? sipCode, string expected)
    {
        var started = direction == CallDirection.Inbound ? Started("101", Owner101) : StartedOutbound();

        var transition = CallDecisions.OnEnded(started, _events.Ended(outcome, sipCode: sipCode), _events.Now);

        var finish = Assert.IsType<FinishCallEffect>(Assert.Single(transition.Effects));
        Assert.Equal(expected, finish.Ending.StatusCode);
        Assert.Equal(0, finish.Ending.DurationSeconds);
        Assert.Equal(Owner101, finish.Ending.FinishingUserId);
    }

    [Fact]
    public void MissedCallWithCardsForSeveral_HidesOthersAndFinishesForRegisteredUser()
    {
        var ringing = CallDecisions.OnRinging(Started("101", Owner101), _events.Ringing("101", "102"), [Owner101, Operator102]).State;

        var transition = CallDecisions.OnEnded(ringing, _events.Ended(CallOutcome.NoAnswer), _events.Now);

        Assert.Collection(transition.Effects,
            e => Assert.Equal([Operator102], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal(Owner101, Assert.IsType<FinishCallEffect>(e).Ending.FinishingUserId));
    }

    [Fact]
    public void TransferAfterAnswer_MovesCardAndFinishesForNewHandler()
    {
        var transferred = CallDecisions.OnTransferred(Answered("101", Owner101), _events.Transferred("102"), Operator102);

        Assert.Collection(transferred.Effects,
            e => Assert.Equal([Owner101], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal([Operator102], Assert.IsType<ShowCardEffect>(e).UserIds.ToArray()));

        var ended = CallDecisions.OnEnded(transferred.State, _events.Ended(CallOutcome.Answered), _events.Now);
        Assert.Equal(Operator102, Assert.IsType<FinishCallEffect>(Assert.Single(ended.Effects)).Ending.FinishingUserId);
    }

    [Fact]
    public void EndedWithRecordingPending_HidesCardAtOnceAndWaits()
    {
        var answered = Answered("101", Owner101);

        var transition = CallDecisions.OnEnded(answered, _events.Ended(CallOutcome.Answered, recordingPending: true), _events.Now);

        Assert.Equal([Owner101], Assert.IsType<HideCardEffect>(Assert.Single(transition.Effects)).UserIds.ToArray());
        Assert.Equal(CallPhase.Ended, transition.State.Phase);
        Assert.Equal(_events.Now + Policy.RecordingMaxWait, transition.State.RecordingDeadline);
    }

    [Fact]
    public void RecordingArrivesWhileWaiting_FinishesThenAttaches()
    {
        var waiting = CallDecisions.OnEnded(Answered("101", Owner101), _events.Ended(CallOutcome.Answered, recordingPending: true), _events.Now).State;

        var transition = CallDecisions.OnRecordingReady(waiting, _events.Recording());

        Assert.Collection(transition.Effects,
            e => Assert.IsType<FinishCallEffect>(e),
            e => Assert.Equal("call.mp3", Assert.IsType<AttachRecordingEffect>(e).Recording.FileName));
        Assert.Equal(CallPhase.Finished, transition.State.Phase);
        Assert.Null(transition.State.RecordingDeadline);
    }

    [Fact]
    public void RecordingWaitExpires_FinishesWithoutRecording_AndLateRecordingIsStillAttached()
    {
        var waiting = CallDecisions.OnEnded(Answered("101", Owner101), _events.Ended(CallOutcome.Answered, recordingPending: true), _events.Now).State;

        var early = CallDecisions.OnRecordingWaitExpired(waiting, _events.Now + TimeSpan.FromMinutes(9));
        Assert.Equal(EventVerdict.Ignored, early.Outcome.Verdict);

        var expired = CallDecisions.OnRecordingWaitExpired(waiting, _events.Now + TimeSpan.FromMinutes(10));
        Assert.IsType<FinishCallEffect>(Assert.Single(expired.Effects));
        Assert.Equal(CallPhase.Finished, expired.State.Phase);

        var late = CallDecisions.OnRecordingReady(expired.State, _events.Recording("late.mp3"));
        Assert.Equal("late.mp3", Assert.IsType<AttachRecordingEffect>(Assert.Single(late.Effects)).Recording.FileName);

        var again = CallDecisions.OnRecordingReady(late.State, _events.Recording("again.mp3"));
        Assert.Equal(EventVerdict.Ignored, again.Outcome.Verdict);
    }

    [Fact]
    public void RecordingBeforeEnd_IsKeptAndAttachedAfterFinish()
    {
        var withRecording = CallDecisions.OnRecordingReady(Answered("101", Owner101), _events.Recording()).State;

        var transition = CallDecisions.OnEnded(withRecording, _events.Ended(CallOutcome.Answered, recordingPending: true), _events.Now);

        Assert.Collection(transition.Effects,
            e => Assert.IsType<FinishCallEffect>(e),
            e => Assert.IsType<AttachRecordingEffect>(e));
    }

    [Fact]
    public void EventsAfterFinish_AreIgnored()
    {
        var finished = CallDecisions.OnEnded(Answered("101", Owner101), _events.Ended(CallOutcome.Answered), _events.Now).State;

        Assert.Equal(EventVerdict.Ignored, CallDecisions.OnEnded(finished, _events.Ended(CallOutcome.Answered), _events.Now).Outcome.Verdict);
        Assert.Equal(EventVerdict.Ignored, CallDecisions.OnAnswered(finished, _events.Answered("101"), Owner101).Outcome.Verdict);
        Assert.Equal(EventVerdict.Ignored, CallDecisions.OnTransferred(finished, _events.Transferred("102"), Operator102).Outcome.Verdict);
        Assert.Equal(EventVerdict.Ignored, CallDecisions.OnRinging(finished, _events.Ringing("102"), [Operator102]).Outcome.Verdict);
    }

    [Fact]
    public void EffectIds_AreDerivedFromTheEvent_SoReplayingAnOutboxIsIdempotent()
    {
        var evt = _events.InboundTo("101");

        var first = CallDecisions.OnStarted(new CallState(), evt, Context(Owner101));
        var second = CallDecisions.OnStarted(new CallState(), evt, Context(Owner101));

        Assert.Equal(first.Effects.Single().EffectId, second.Effects.Single().EffectId);
    }

    [Fact]
    public void Ledger_RemembersAppliedEventsWithinCapacity()
    {
        var state = new CallState();
        for (var i = 0; i < CallEventLedger.Capacity + 10; i++)
        {
            state = CallEventLedger.Record(state, $"e{i}");
        }

        Assert.Equal(CallEventLedger.Capacity, state.AppliedEventIds.Length);
        Assert.True(CallEventLedger.HasApplied(state, $"e{CallEventLedger.Capacity + 9}"));
        Assert.False(CallEventLedger.HasApplied(state, "e0"));
    }

    private static CallStartContext Context(long? extensionUser) => new("pbx-call-1", "+4930123456", extensionUser, Policy);

    private CallState Started(string? extension, long? owner) =>
        CallDecisions.OnStarted(new CallState(), _events.InboundTo(extension), Context(owner)).State;

    private CallState StartedOutbound() =>
        CallDecisions.OnStarted(new CallState(), _events.OutboundFrom("101"), Context(Owner101)).State;

    private CallState Answered(string extension, long user) =>
        CallDecisions.OnAnswered(Started(extension, user), _events.Answered(extension), user).State;
}
