using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Grains.Tests.CrmRouting;
using TelephonyHub.Grains.Tests.Queues;
using static TelephonyHub.Grains.Tests.Queues.QueueScenario;

namespace TelephonyHub.Grains.Tests.Calls;

/// <summary>What presence learns about a call's operators after each change, once per change.</summary>
public sealed class PresenceToldTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void WhileAQueueStepRings_TheOfferHoldsTheOperators_AndNothingIsSaid()
    {
        var call = new QueueScenario(Start);
        call.Enter(QueueOf(QueueMode.Simultaneous, 20, 1, null, Anna, Boris));

        Assert.Null(PresenceTold.Unknown.Next(call.Call));
    }

    [Fact]
    public void AnsweredCall_EngagesItsOperatorOnce()
    {
        var call = new QueueScenario(Start);
        call.Enter(QueueOf(QueueMode.Simultaneous, 20, 1, null, Anna, Boris));
        call.Answer(Boris);

        var told = PresenceTold.AfterOffer(new OfferOutcome(0, [Anna, Boris])).Next(call.Call);

        Assert.Equal(new PresenceTold(Boris.UserId, false), told);
        Assert.Null(told!.Next(call.Call));
    }

    [Fact]
    public void QueuedCallThatEnds_ReleasesEveryoneOnce()
    {
        var call = new QueueScenario(Start);
        call.Enter(QueueOf(QueueMode.Simultaneous, 20, 1, null, Anna, Boris));
        call.Answer(Anna);
        call.HangsUp();

        var told = new PresenceTold(Anna.UserId, false).Next(call.Call);

        Assert.Equal(new PresenceTold(null, true), told);
        Assert.Null(told!.Next(call.Call));
    }

    [Fact]
    public void AfterAnOfferThatReservedNobody_PresenceKnowsTheCallHoldsNobody()
    {
        var call = new QueueScenario(Start);
        call.Enter(QueueOf(QueueMode.Simultaneous, 20, 1, null, Anna));
        call.HangsUp();

        Assert.Null(PresenceTold.AfterOffer(OfferOutcome.NobodyFree).Next(call.Call));
    }

    [Fact]
    public void CallThatNeverHeldAnybody_SaysNothing()
    {
        var call = new CrmScenario();
        call.Start();

        Assert.Null(PresenceTold.Unknown.Next(call.Call));
    }

    [Fact]
    public void WhileTheManagersPhoneRings_TheOfferHoldsThem_ThenTheirHangUpReleasesThem()
    {
        var call = new CrmScenario();
        call.Start();
        call.SearchAnswers(CrmScenario.Match(CrmEntityTypes.Contact, 797, CrmScenario.Anna));

        Assert.Null(PresenceTold.Unknown.Next(call.Call));

        call.HangsUp();
        Assert.Equal(new PresenceTold(null, true), PresenceTold.Unknown.Next(call.Call));
    }
}
