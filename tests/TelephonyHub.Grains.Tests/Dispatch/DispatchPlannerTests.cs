using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Apps;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Users;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Grains.Tests.Dispatch;

public sealed class DispatchPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly DispatchOptions _options = new();

    [Fact]
    public void OneLane_SendsOnlyItsHeadUntilItIsDone()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Show("call-1", 14).Finish("call-1").State;

        var plan = Plan(state);

        var sent = Assert.Single(plan.Send);
        Assert.IsType<RegisterExternalCall>(sent.Request);
    }

    [Fact]
    public void CallScopedRequest_GetsTheCallIdItsLaneRegistered()
    {
        var state = new DispatchQueueBuilder(Now).Show("call-1", 14).Registered("call-1", "externalCall.abc.1").State;

        var show = Assert.IsType<ShowExternalCall>(Assert.Single(Plan(state).Send).Request);

        Assert.Equal("externalCall.abc.1", show.CallId);
        Assert.Equal([14L], show.UserIds.ToArray());
    }

    [Fact]
    public void ManyCalls_AreBatchedOneHeadPerLane_CardsBeforeRecords()
    {
        var builder = new DispatchQueueBuilder(Now).Background("users-page-0");
        for (var i = 0; i < 60; i++)
        {
            builder.Register($"call-{i}", show: i % 2 == 0);
        }

        var plan = Plan(builder.State);

        Assert.Equal(_options.BatchSize, plan.Send.Length);
        Assert.Equal(plan.Send.Length, plan.Send.Select(p => p.Item.Request.Lane).Distinct().Count());
        var priorities = plan.Send.Select(p => p.Item.Request.Priority).ToList();
        Assert.Equal(priorities.Order().ToList(), priorities);
        Assert.Equal(30, priorities.Count(p => p == DispatchPriority.LiveCard));
        Assert.DoesNotContain(plan.Send, p => p.Request is GetUsers);
    }

    [Fact]
    public void CallAlreadyOver_IsRegisteredWithoutCardAndItsCardsAreDropped()
    {
        // Scenario 6: the portal was unreachable for the whole call.
        var state = new DispatchQueueBuilder(Now).Register("call-1").Show("call-1", 14).Hide("call-1", 14).Finish("call-1").State;

        var plan = Plan(state);

        var register = Assert.IsType<RegisterExternalCall>(Assert.Single(plan.Send).Request);
        Assert.False(register.Show);
        Assert.Equal(Now, register.CallStartDate);
        Assert.Equal(2, plan.Compacted.Length);
        Assert.Collection(plan.State.Queue,
            q => Assert.IsType<RegisterExternalCall>(q.Request.Request),
            q => Assert.IsType<FinishExternalCall>(q.Request.Request));
    }

    [Fact]
    public void CallOverAfterCardWasShown_KeepsTheHide()
    {
        var state = new DispatchQueueBuilder(Now).Hide("call-1", 14).Finish("call-1").Registered("call-1", "externalCall.abc.1").State;

        var plan = Plan(state);

        Assert.IsType<HideExternalCall>(Assert.Single(plan.Send).Request);
        Assert.Empty(plan.Compacted);
    }

    [Fact]
    public void RequestInBackoff_WakesAtItsTime()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;
        state = state with { Queue = state.Queue.SetItem(0, state.Queue[0] with { NotBefore = Now.AddSeconds(4) }) };

        var plan = Plan(state);

        Assert.Empty(plan.Send);
        Assert.Equal(Now.AddSeconds(4), plan.WakeAt);
    }

    [Fact]
    public void MethodBlockedByOperatingLimit_WaitsWhileOtherMethodsGo()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Finish("call-2").Registered("call-2", "externalCall.b.1").State;
        state = state with { BlockedMethods = state.BlockedMethods.SetItem("telephony.externalcall.register", Now.AddMinutes(3)) };

        var plan = Plan(state);

        Assert.IsType<FinishExternalCall>(Assert.Single(plan.Send).Request);
    }

    [Fact]
    public void EmptyBudget_DelaysRecordsButLetsLiveCardsUseTheReserve()
    {
        var budget = new RateBudget(capacity: 10, drainPerSecond: 2, liveCardReserve: 3);
        for (var i = 0; i < 8; i++)
        {
            budget.Spend(Now);
        }

        var records = new DispatchQueueBuilder(Now).Finish("call-1").Registered("call-1", "x").State;
        var cards = new DispatchQueueBuilder(Now).Register("call-2").State;

        var cardsWaited = cards with { Queue = cards.Queue.SetItem(0, cards.Queue[0] with { NotBefore = Now - _options.CardLinger }) };

        var recordPlan = DispatchPlanner.Plan(records, Now, budget, _options);
        var cardPlan = DispatchPlanner.Plan(cardsWaited, Now, budget, _options);

        Assert.Empty(recordPlan.Send);
        Assert.Equal(Now.AddSeconds(1), recordPlan.WakeAt);
        Assert.Single(cardPlan.Send);
    }

    [Fact]
    public void QuietPortal_SendsWhatIsReadyAtOnce()
    {
        var state = new DispatchQueueBuilder(Now).Finish("call-1").Registered("call-1", "x").State;

        Assert.Single(Plan(state).Send);
    }

    [Fact]
    public void BusyBucket_LetsABatchFillUntilItsOldestRequestWaitedLongEnough()
    {
        var budget = new RateBudget(capacity: 50, drainPerSecond: 2, liveCardReserve: 5);
        for (var i = 0; i < 30; i++)
        {
            budget.Spend(Now);
        }

        var records = new DispatchQueueBuilder(Now).Finish("call-1").Finish("call-2").Registered("call-1", "x").Registered("call-2", "y").State;
        var card = new DispatchQueueBuilder(Now).Register("call-3").State;

        var recordPlan = DispatchPlanner.Plan(records, Now, budget, _options);
        var cardPlan = DispatchPlanner.Plan(card, Now, budget, _options);
        var laterRecords = DispatchPlanner.Plan(records, Now + _options.RecordLinger, budget, _options);

        Assert.Empty(recordPlan.Send);
        Assert.Equal(Now + _options.RecordLinger, recordPlan.WakeAt);
        Assert.Empty(cardPlan.Send);
        Assert.Equal(Now + _options.CardLinger, cardPlan.WakeAt);
        Assert.Equal(2, laterRecords.Send.Length);
    }

    [Fact]
    public void BusyBucket_SendsAFullBatchAtOnce()
    {
        var budget = new RateBudget(capacity: 50, drainPerSecond: 2, liveCardReserve: 5);
        for (var i = 0; i < 30; i++)
        {
            budget.Spend(Now);
        }

        var builder = new DispatchQueueBuilder(Now);
        for (var i = 0; i < _options.BatchSize; i++)
        {
            builder.Register($"call-{i}", show: false);
        }

        Assert.Equal(_options.BatchSize, DispatchPlanner.Plan(builder.State, Now, budget, _options).Send.Length);
    }

    [Fact]
    public void LaneWhoseRegisterFailed_DropsItsDependentRequestsWithTheReason()
    {
        var state = new DispatchQueueBuilder(Now).Finish("call-1").State;
        state = state with { Lanes = state.Lanes.SetItem("call-1", state.Lanes["call-1"] with { FailedBecause = "User is not found or is not active" }) };

        var plan = Plan(state);

        Assert.Empty(plan.Send);
        var dropped = Assert.Single(plan.Dropped);
        Assert.Contains("User is not found", dropped.Result.Error!.Description);
        Assert.Empty(plan.State.Queue);
    }

    [Fact]
    public void PausedDispatch_SendsNothing()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State with { PausedBecause = "needs reinstall" };

        var plan = Plan(state);

        Assert.Empty(plan.Send);
        Assert.Null(plan.WakeAt);
    }

    [Fact]
    public void SameRequestIdTwice_IsQueuedOnce()
    {
        var request = new DispatchRequest { RequestId = "call-1#evt-1#0", Lane = "call-1", Request = new ShowExternalCall(null, [14]) };

        var (state, first) = DispatchEnqueue.Add(new DispatchState(), [request], Now);
        (state, var second) = DispatchEnqueue.Add(state, [request], Now);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Single(state.Queue);
    }

    [Fact]
    public void ConsecutiveShowsOfACall_GoAsOneShowWithAUserArray()
    {
        var state = new DispatchQueueBuilder(Now).Show("call-1", 14).Show("call-1", 16, 14).Show("call-1", 18).Hide("call-1", 14)
            .Registered("call-1", "externalCall.abc.1").State;

        var sent = Assert.Single(Plan(state).Send);

        var show = Assert.IsType<ShowExternalCall>(sent.Request);
        Assert.Equal([14L, 16L, 18L], show.UserIds.ToArray());
        Assert.Equal("externalCall.abc.1", show.CallId);
        Assert.Equal(2, sent.Merged.Length); // the hide after them stays behind, in order
    }

    [Fact]
    public void HideThenShowOfACall_AreNeverMerged()
    {
        var state = new DispatchQueueBuilder(Now).Hide("call-1", 14).Show("call-1", 14).Registered("call-1", "x").State;

        var sent = Assert.Single(Plan(state).Send);

        Assert.IsType<HideExternalCall>(sent.Request);
        Assert.Empty(sent.Merged);
    }

    [Fact]
    public void CardForTheRegisteredUser_IsNotMergedWithCardsForOthers()
    {
        var state = new DispatchQueueBuilder(Now).Show("call-1").Show("call-1", 16).Registered("call-1", "x").State;

        var sent = Assert.Single(Plan(state).Send);

        Assert.Empty(Assert.IsType<ShowExternalCall>(sent.Request).UserIds);
        Assert.Empty(sent.Merged);
    }

    [Fact]
    public void PortalBackoff_HoldsEverythingUntilItEnds()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State with { BackoffUntil = Now.AddSeconds(8) };

        var plan = Plan(state);

        Assert.Empty(plan.Send);
        Assert.Equal(Now.AddSeconds(8), plan.WakeAt);
    }

    [Fact]
    public void RequestToSendAlone_GoesAsItsOwnRequest()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Register("call-2").Register("call-3").State;
        state = state with { Queue = state.Queue.SetItem(0, state.Queue[0] with { SendAlone = true }) };

        var first = Plan(state);
        var second = Plan(state with { Queue = state.Queue.RemoveAt(0) });

        Assert.Equal(0, Assert.Single(first.Send).Item.Sequence);
        Assert.Equal(2, second.Send.Length);
    }

    [Fact]
    public void FullBucket_CardOfARingingCallGoesBeforeOlderRecords()
    {
        var budget = new RateBudget(capacity: 50, drainPerSecond: 2, liveCardReserve: 5);
        for (var i = 0; i < 47; i++)
        {
            budget.Spend(Now);
        }

        var builder = new DispatchQueueBuilder(Now);
        for (var i = 0; i < 60; i++)
        {
            builder.Register($"over-{i}", show: false);
        }

        var state = builder.Register("ringing").State;

        var plan = DispatchPlanner.Plan(state, Now, budget, _options);

        // The card goes now, on the reserve; the records ride along in its batch instead of waiting.
        Assert.Equal("ringing", plan.Send[0].Item.Request.Lane);
        Assert.True(Assert.IsType<RegisterExternalCall>(plan.Send[0].Request).Show);
        Assert.Equal(_options.BatchSize, plan.Send.Length);
        Assert.Equal(Enumerable.Range(0, 49).Select(i => $"over-{i}"), plan.Send.Skip(1).Select(p => p.Item.Request.Lane));
    }

    [Fact]
    public void FullBucket_RecordsAloneWaitUntilItDrainsBelowTheReserve()
    {
        var budget = new RateBudget(capacity: 50, drainPerSecond: 2, liveCardReserve: 5);
        for (var i = 0; i < 47; i++)
        {
            budget.Spend(Now);
        }

        var state = new DispatchQueueBuilder(Now).Register("over-1", show: false).State;

        var plan = DispatchPlanner.Plan(state, Now, budget, _options);

        Assert.Empty(plan.Send);
        Assert.Equal(Now.AddSeconds(1.5), plan.WakeAt); // 47 + 1 must drain to 45: 3 requests at 2/s
    }

    [Fact]
    public void CallAlreadyOver_ItsRegisterWaitsWithTheRecords()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").Finish("call-1").State;

        var plan = Plan(state);

        Assert.Equal(DispatchPriority.CallRecord, plan.State.Queue[0].Request.Priority);
    }

    [Fact]
    public void UnknownBucket_IsLearnedOnceWithAppInfo()
    {
        var state = new DispatchQueueBuilder(Now).Register("call-1").State;

        var probed = BucketLearning.EnsureProbe(state, Now);
        var again = BucketLearning.EnsureProbe(probed, Now);

        Assert.Same(probed, again);
        // It rides in the first batch with the cards: its answer paces everything after it.
        var sent = Plan(probed).Send;
        Assert.Collection(sent, p => Assert.IsType<RegisterExternalCall>(p.Request), p => Assert.IsType<GetAppInfo>(p.Request));
        var known = state with { Bucket = BucketLearning.Unknown(_options, Now) };
        Assert.Same(known, BucketLearning.EnsureProbe(known, Now));
    }

    private DispatchPlan Plan(DispatchState state) =>
        DispatchPlanner.Plan(state, Now, new RateBudget(_options.BucketCapacity, _options.BucketDrainPerSecond, _options.LiveCardReserve), _options);
}
