using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.Tests.Calls;

public sealed class LinkedCallDecisionsTests
{
    private const long Anna = 12;
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CallPolicy Policy = new() { AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = 1 };
    private static readonly ClickToCallLink Link = new()
    {
        Bitrix24CallId = "externalCall.abc.1", UserId = Anna, CallListId = 5, Kind = DialKind.Click, ClickKey = "portal-1/externalCall.abc.1",
    };

    private readonly CallEvents _events = new(Start);

    [Fact]
    public void LinkedStart_TakesTheBitrix24Call_WithoutRegistering()
    {
        var transition = LinkedCallDecisions.OnStarted(new CallState(), _events.OutboundFrom("101"), Context(), Link);

        Assert.Equal(EventVerdict.Applied, transition.Outcome.Verdict);
        Assert.Empty(transition.Effects);
        Assert.Equal(("externalCall.abc.1", Anna, 5L), (transition.State.Bitrix24CallId, transition.State.RegisteredUserId, transition.State.CallListId));
        Assert.Equal([Anna], transition.State.CardHolders.ToArray());
        Assert.Equal(CallPhase.Started, transition.State.Phase);
    }

    [Fact]
    public void LinkedCallEnding_FinishesThatCall_WithThePbxsStatusAndDuration_AndNoHide()
    {
        var started = LinkedCallDecisions.OnStarted(new CallState(), _events.OutboundFrom("101"), Context(), Link).State;
        var answered = CallDecisions.OnAnswered(started, _events.After(TimeSpan.FromSeconds(5)).Answered("101"), Anna);

        var ended = CallDecisions.OnEnded(answered.State, _events.After(TimeSpan.FromSeconds(42)).Ended(CallOutcome.Answered), _events.Now);

        Assert.Empty(answered.Effects);
        var finish = Assert.IsType<FinishCallEffect>(Assert.Single(ended.Effects));
        Assert.Equal((Anna, 42, "200"), (finish.Ending.FinishingUserId, finish.Ending.DurationSeconds, finish.Ending.StatusCode));
        Assert.Equal("externalCall.abc.1", ended.State.Bitrix24CallId);
    }

    [Fact]
    public void SecondStart_IsRefused()
    {
        var started = LinkedCallDecisions.OnStarted(new CallState(), _events.OutboundFrom("101"), Context(), Link).State;

        var again = LinkedCallDecisions.OnStarted(started, _events.OutboundFrom("101"), Context(), Link);

        Assert.Equal(EventRejection.FailedPrecondition, again.Outcome.Rejection);
    }

    private static CallStartContext Context() => new("pbx-call-1", "+4930999888", Anna, Policy);
}
