using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.Queues;
using static TelephonyHub.Grains.Tests.Queues.QueueScenario;

namespace TelephonyHub.Grains.Tests.Queues;

public sealed class QueueDecisionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly QueueOverflow Voicemail = new() { Kind = QueueOverflowKind.Extension, Extension = "800" };

    private readonly QueueScenario _call = new(Start);

    [Fact]
    public void SimultaneousQueue_RegistersForFirstFreeMember_ShowsTheOtherFreeOnesInOneRequest_AndRingsThem()
    {
        _call.Reports(Dmitri, ExtensionState.Busy);

        var entered = _call.Enter(QueueOf(QueueMode.Simultaneous, 20, 1, null, Anna, Boris, Clara, Dmitri));

        Assert.Collection(entered.Effects,
            e => Assert.Equal((Anna.UserId, true), (Assert.IsType<RegisterCallEffect>(e).UserId, ((RegisterCallEffect)e).ShowCard)),
            e => Assert.Equal([Boris.UserId, Clara.UserId], Assert.IsType<ShowCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal(["101", "102", "103"], Ring(e).Extensions.ToArray()));
        Assert.Equal(CallPhase.Ringing, _call.Call.Phase);
        Assert.Equal([Anna.UserId, Boris.UserId, Clara.UserId], _call.Call.CardHolders.ToArray());
        Assert.Equal(Start.AddSeconds(20), _call.Queue.Deadline);
        Assert.Equal(20, Ring(entered.Effects[^1]).RingSeconds);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void SequentialQueue_EachStepEndsOnPlan_EvenWhenTheTimerFiresLate(int stepSeconds)
    {
        var step = TimeSpan.FromSeconds(stepSeconds);
        _call.Enter(QueueOf(QueueMode.Sequential, stepSeconds, 1, null, Anna, Boris, Clara));

        var second = _call.After(step + TimeSpan.FromMilliseconds(40)).TimerFires()!;

        Assert.Collection(second.Effects,
            e => Assert.Equal([Anna.UserId], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal([Boris.UserId], Assert.IsType<ShowCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal(["102"], Ring(e).Extensions.ToArray()));
        Assert.Equal(Start + step, _call.Queue.StepStartedAt);
        Assert.Equal(Start + step + step, _call.Queue.Deadline);
    }

    [Fact]
    public void SequentialQueue_SkipsMembersThePbxReportsUnavailable_AndMembersHeldByAnotherCall()
    {
        _call.Reports(Boris, ExtensionState.DoNotDisturb).HeldByAnotherCall(Clara);
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris, Clara, Dmitri));

        var next = _call.After(TimeSpan.FromSeconds(5)).TimerFires()!;

        Assert.Equal([Dmitri.UserId], next.Effects.OfType<ShowCardEffect>().Single().UserIds.ToArray());
        Assert.Equal(3, _call.Queue.Position);
    }

    [Fact]
    public void TimerBeforeTheDeadline_IsNoStep()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris));

        Assert.Null(_call.After(TimeSpan.FromSeconds(4.9)).TimerFires());
        Assert.Equal([Anna.UserId], _call.Call.CardHolders.ToArray());
    }

    [Fact]
    public void NextRound_OffersAMemberWhoWasBusyInTheFirst()
    {
        _call.Reports(Boris, ExtensionState.Busy);
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 2, null, Anna, Boris));
        _call.After(TimeSpan.FromSeconds(5)).TimerFires();
        Assert.Equal((2, 0), (_call.Queue.Round, _call.Queue.Position)); // Boris skipped, Anna again
        _call.Reports(Boris, ExtensionState.Idle);

        var roundTwo = _call.After(TimeSpan.FromSeconds(5)).TimerFires()!;

        Assert.Equal([Boris.UserId], roundTwo.Effects.OfType<ShowCardEffect>().Single().UserIds.ToArray());
        Assert.Equal((2, 1), (_call.Queue.Round, _call.Queue.Position));
    }

    [Fact]
    public void SameMemberOfferedAgainInTheNextRound_KeepsTheCard_AndIsRungAgain()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 2, null, Anna));

        var again = _call.After(TimeSpan.FromSeconds(5)).TimerFires()!;

        Assert.Equal(["101"], Ring(Assert.Single(again.Effects)).Extensions.ToArray());
        Assert.Equal("queue-step-2#2", again.Effects[0].EffectId);
        Assert.Equal([Anna.UserId], _call.Call.CardHolders.ToArray());
    }

    [Fact]
    public void NobodyAnswers_MissedCallForTheRegisteredUser_AllCardsHidden_AndTheCallGoesToVoicemail()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 1, Voicemail, Anna, Boris));
        _call.After(TimeSpan.FromSeconds(5)).TimerFires();

        var over = _call.After(TimeSpan.FromSeconds(5)).TimerFires()!;

        Assert.Collection(over.Effects,
            e => Assert.Equal([Boris.UserId], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e =>
            {
                var finish = Assert.IsType<FinishCallEffect>(e);
                Assert.Equal(Anna.UserId, finish.Ending.FinishingUserId);
                Assert.Equal(CallStatusCode.Missed, finish.Ending.StatusCode);
                Assert.Equal(0, finish.Ending.DurationSeconds);
                Assert.Equal("Nobody in queue 'Support' answered.", finish.Ending.FailedReason);
            },
            e => Assert.Equal(new TransferCallCommand("pbx-call-1", "800"), Assert.IsType<PbxCommandEffect>(e).Command));
        Assert.Equal(CallPhase.Finished, _call.Call.Phase);
        Assert.Equal(QueueStage.Missed, _call.Queue.Stage);
        Assert.Empty(_call.Call.CardHolders);
        Assert.False(QueueDecisions.IsOffering(_call.Call));
    }

    [Fact]
    public void NobodyFree_RegistersForTheFallbackUserWithoutCard_MissedAtOnce_AndHangsUp()
    {
        _call.Reports(Anna, ExtensionState.Offline).Reports(Boris, ExtensionState.Busy);

        var entered = _call.Enter(QueueOf(QueueMode.Simultaneous, 5, 3, null, Anna, Boris));

        Assert.Collection(entered.Effects,
            e => Assert.Equal((Admin, false), (Assert.IsType<RegisterCallEffect>(e).UserId, ((RegisterCallEffect)e).ShowCard)),
            e => Assert.Equal((Admin, CallStatusCode.Missed), (Assert.IsType<FinishCallEffect>(e).Ending.FinishingUserId, ((FinishCallEffect)e).Ending.StatusCode)),
            e => Assert.Equal(new HangUpCallCommand("pbx-call-1", "No member of queue 'Support' was free."), Assert.IsType<PbxCommandEffect>(e).Command));
        Assert.Equal(CallPhase.Finished, _call.Call.Phase);
    }

    [Fact]
    public void OverflowToUser_MovesTheCardToThem_AndTransfers_TheCallGoesOn()
    {
        var fallback = new QueueOverflow { Kind = QueueOverflowKind.User, UserId = Dmitri.UserId, Extension = Dmitri.Extension };
        _call.Enter(QueueOf(QueueMode.Simultaneous, 5, 1, fallback, Anna, Boris));

        var over = _call.After(TimeSpan.FromSeconds(5)).TimerFires()!;

        Assert.Collection(over.Effects,
            e => Assert.Equal([Anna.UserId, Boris.UserId], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal([Dmitri.UserId], Assert.IsType<ShowCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal(new TransferCallCommand("pbx-call-1", "104"), Assert.IsType<PbxCommandEffect>(e).Command));
        Assert.Equal((CallPhase.Ringing, QueueStage.Overflowed), (_call.Call.Phase, _call.Queue.Stage));

        var answered = _call.Answer(Dmitri);
        Assert.Empty(answered.Effects);
        Assert.Equal(Dmitri.UserId, _call.Call.HandlingUserId);
    }

    [Fact]
    public void SequentialMemberBecomesUnavailable_TheNextIsOfferedNow_ForAFullStep()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 7, 1, null, Anna, Boris));

        var moved = _call.After(TimeSpan.FromSeconds(2)).Reports(Anna, ExtensionState.Busy).Unavailable(Anna)!;

        Assert.Equal([Anna.UserId], moved.Effects.OfType<HideCardEffect>().Single().UserIds.ToArray());
        Assert.Equal([Boris.UserId], moved.Effects.OfType<ShowCardEffect>().Single().UserIds.ToArray());
        Assert.Equal(Start.AddSeconds(9), _call.Queue.Deadline);
    }

    [Fact]
    public void SimultaneousMemberBecomesUnavailable_OnlyTheyLoseTheCard_TheOthersRingOnUntilTheDeadline()
    {
        _call.Enter(QueueOf(QueueMode.Simultaneous, 10, 1, null, Anna, Boris, Clara));

        var moved = _call.After(TimeSpan.FromSeconds(3)).Reports(Boris, ExtensionState.DoNotDisturb).Unavailable(Boris)!;

        Assert.Collection(moved.Effects,
            e => Assert.Equal([Boris.UserId], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e =>
            {
                Assert.Equal(["101", "103"], Ring(e).Extensions.ToArray());
                Assert.Equal(7, Ring(e).RingSeconds);
            });
        Assert.Equal(Start.AddSeconds(10), _call.Queue.Deadline);
        Assert.Equal(Start, _call.Queue.StepStartedAt);
    }

    [Fact]
    public void SimultaneousLastOfferedMemberUnavailable_TheNextRoundStartsAtOnce()
    {
        _call.Enter(QueueOf(QueueMode.Simultaneous, 10, 2, null, Anna));
        _call.After(TimeSpan.FromSeconds(3)).Reports(Anna, ExtensionState.Busy);

        var over = _call.Unavailable(Anna)!;

        Assert.Equal(QueueStage.Missed, _call.Queue.Stage);
        Assert.Contains(over.Effects, e => e is FinishCallEffect);
    }

    [Fact]
    public void NoticeForSomeoneNotOfferedNow_IsIgnored()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris));

        Assert.Null(_call.Unavailable(Boris));
    }

    [Fact]
    public void PbxRefusesTheCurrentRing_TheMemberIsSkipped_AnOldStepsRefusalChangesNothing()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris, Clara));

        var skipped = _call.After(TimeSpan.FromSeconds(1)).RingAcknowledged(QueueDecisions.RingEffectId(1), PbxCommandAckStatus.Rejected)!;

        Assert.Equal([Boris.UserId], skipped.Effects.OfType<ShowCardEffect>().Single().UserIds.ToArray());
        Assert.Null(_call.RingAcknowledged(QueueDecisions.RingEffectId(1), PbxCommandAckStatus.Rejected));
        Assert.Null(_call.RingAcknowledged(QueueDecisions.RingEffectId(2), PbxCommandAckStatus.Accepted));
        Assert.Null(_call.RingAcknowledged(QueueDecisions.RingEffectId(2), PbxCommandAckStatus.Expired));
    }

    [Fact]
    public void AnsweredDuringStepTwo_TheCardStaysWithTheAnswerer_AndTheQueueStops()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris, Clara));
        _call.After(TimeSpan.FromSeconds(5)).TimerFires();

        var answered = _call.After(TimeSpan.FromSeconds(2)).Answer(Boris);

        Assert.Empty(answered.Effects);
        Assert.Equal(CallPhase.Answered, _call.Call.Phase);
        Assert.Equal(QueueStage.Left, _call.Queue.Stage);
        Assert.Null(_call.After(TimeSpan.FromSeconds(10)).TimerFires());
        Assert.Equal([Boris.UserId], _call.Call.CardHolders.ToArray());
    }

    [Fact]
    public void CallerHangsUpDuringAStep_EveryCardGoes_AndTheCallIsFinishedMissed()
    {
        _call.Enter(QueueOf(QueueMode.Simultaneous, 5, 1, null, Anna, Boris, Clara));

        var ended = _call.After(TimeSpan.FromSeconds(2)).HangsUp();

        Assert.Collection(ended.Effects,
            e => Assert.Equal([Boris.UserId, Clara.UserId], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal((Anna.UserId, CallStatusCode.Missed), (Assert.IsType<FinishCallEffect>(e).Ending.FinishingUserId, ((FinishCallEffect)e).Ending.StatusCode)));
        Assert.Equal(QueueStage.Left, _call.Queue.Stage);
        Assert.Null(_call.After(TimeSpan.FromSeconds(5)).TimerFires());
    }

    [Fact]
    public void TransferredElsewhereWhileOffering_TheCardFollowsTheCall_AndTheQueueStops()
    {
        _call.Enter(QueueOf(QueueMode.Simultaneous, 5, 2, null, Anna, Boris));

        var transferred = _call.After(TimeSpan.FromSeconds(1)).TransferredTo(Dmitri);

        Assert.Collection(transferred.Effects,
            e => Assert.Equal([Anna.UserId, Boris.UserId], Assert.IsType<HideCardEffect>(e).UserIds.ToArray()),
            e => Assert.Equal([Dmitri.UserId], Assert.IsType<ShowCardEffect>(e).UserIds.ToArray()));
        Assert.Equal(QueueStage.Left, _call.Queue.Stage);
        Assert.Null(_call.After(TimeSpan.FromSeconds(5)).TimerFires());
    }

    [Fact]
    public void RingingReportsWhileOffering_MoveNoCard()
    {
        _call.Enter(QueueOf(QueueMode.Simultaneous, 5, 1, null, Anna, Boris));

        var ringing = _call.Ringing(Anna);

        Assert.Equal(EventVerdict.Applied, ringing.Outcome.Verdict);
        Assert.Empty(ringing.Effects);
        Assert.Equal([Anna.UserId, Boris.UserId], _call.Call.CardHolders.ToArray());
    }

    [Fact]
    public void TimerLongAfterTheDeadline_TheNextStepStartsNow_WithItsFullTime()
    {
        _call.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris));

        _call.After(TimeSpan.FromMinutes(2)).TimerFires();

        Assert.Equal(_call.Now, _call.Queue.StepStartedAt);
        Assert.Equal(_call.Now.AddSeconds(5), _call.Queue.Deadline);
    }

    private static RingExtensionsCommand Ring(CallEffect effect) =>
        Assert.IsType<RingExtensionsCommand>(Assert.IsType<PbxCommandEffect>(effect).Command);
}
