using System.Collections.Immutable;
using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;
using TelephonyHub.Grains.Tests.CrmRouting;
using TelephonyHub.Grains.Tests.Queues;
using static TelephonyHub.Grains.Tests.Queues.QueueScenario;

namespace TelephonyHub.Grains.Tests.Calls;

/// <summary>Which decision each PBX event goes to, and which extension owners it needs looked up first.</summary>
public sealed class CallEventDecisionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly CallPolicy Policy = new() { AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = 1 };

    private readonly CallEvents _events = new(Start);

    [Fact]
    public void RingingOfAPlainCall_NeedsTheOwnersOfTheRingingExtensions_AndTheCardFollowsThem()
    {
        var call = Registered("101", 12);
        var ringing = _events.Ringing("102", "999", "103");

        Assert.Equal(["102", "999", "103"], CallEventDecisions.ExtensionsOf(call, ringing).ToArray());
        var transition = CallEventDecisions.OnEvent(call, ringing, Users(("102", 14), ("103", 16)), Start);

        Assert.True(transition.Changed);
        Assert.Equal([14L, 16], transition.State.CardHolders.Order().ToArray());
    }

    [Fact]
    public void RingingOfAQueuedCall_NeedsNoLookup_TheQueueDecidesWhoSeesTheCard()
    {
        var queued = new QueueScenario(Start);
        queued.Enter(QueueOf(QueueMode.Sequential, 5, 1, null, Anna, Boris));
        var ringing = _events.Ringing("101", "102");

        Assert.Empty(CallEventDecisions.ExtensionsOf(queued.Call, ringing));
        var transition = CallEventDecisions.OnEvent(queued.Call, ringing, Users(), Start);

        Assert.Empty(transition.Effects);
        Assert.Equal([Anna.UserId], transition.State.CardHolders.ToArray());
    }

    [Fact]
    public void AnswerByAnExtensionNobodyOwns_StillApplies()
    {
        var call = Registered("101", 12);
        var answered = _events.Answered("999");

        Assert.Equal(["999"], CallEventDecisions.ExtensionsOf(call, answered).ToArray());
        var transition = CallEventDecisions.OnEvent(call, answered, Users(), Start);

        Assert.Equal(CallPhase.Answered, transition.State.Phase);
    }

    [Fact]
    public void AnswerWhileTheCrmLookupRuns_OvertakesIt_AndRegistersTheCallToWhoAnswered()
    {
        var crm = new CrmScenario();
        crm.Start();
        var answered = _events.Answered("102");

        var transition = CallEventDecisions.OnEvent(crm.Call, answered, Users(("102", 14)), Start);

        Assert.True(CallEventDecisions.OvertakesLookup(crm.Call, transition));
        Assert.Contains("register 14 card", CrmScenario.Describe(transition));
    }

    [Fact]
    public void RingingWhileTheCrmLookupRuns_KeepsWaitingForIt()
    {
        var crm = new CrmScenario();
        crm.Start();
        var ringing = _events.Ringing("101");

        Assert.Empty(CallEventDecisions.ExtensionsOf(crm.Call, ringing));
        var transition = CallEventDecisions.OnEvent(crm.Call, ringing, Users(), Start);

        Assert.False(CallEventDecisions.OvertakesLookup(crm.Call, transition));
        Assert.Equal(CrmRouteStage.LookingUp, transition.State.Crm!.Stage);
    }

    [Fact]
    public void AnswerOfAQueuedCall_LeavesTheQueue_OnceTheQueueFollows()
    {
        var queued = new QueueScenario(Start);
        queued.Enter(QueueOf(QueueMode.Simultaneous, 20, 1, null, Anna, Boris));
        var answered = _events.Answered(Boris.Extension);

        var decided = CallEventDecisions.OnEvent(queued.Call, answered, Users((Boris.Extension, Boris.UserId)), Start);
        var followed = CallEventDecisions.Follow(queued.Call, answered, decided);

        Assert.Equal(QueueStage.Offering, decided.State.Queue!.Stage);
        Assert.Equal(QueueStage.Left, followed.State.Queue!.Stage);
        Assert.Null(followed.State.Queue.Deadline);
    }

    [Fact]
    public void ManagerAnswering_EndsTheCrmRoute_OnceTheRouteFollows()
    {
        var crm = new CrmScenario();
        crm.Start();
        crm.SearchAnswers(CrmScenario.Match(CrmEntityTypes.Contact, 797, CrmScenario.Anna));
        var answered = _events.Answered(CrmScenario.Anna.Extension);

        var followed = CallEventDecisions.Follow(crm.Call, answered,
            CallEventDecisions.OnEvent(crm.Call, answered, Users((CrmScenario.Anna.Extension, CrmScenario.Anna.UserId)), Start));

        Assert.Equal((CallPhase.Answered, CrmRouteStage.Done), (followed.State.Phase, followed.State.Crm!.Stage));
    }

    private static ImmutableDictionary<string, long> Users(params (string Extension, long UserId)[] users) =>
        users.ToImmutableDictionary(u => u.Extension, u => u.UserId);

    private CallState Registered(string extension, long owner) =>
        CallDecisions.OnStarted(new CallState(), _events.InboundTo(extension), new CallStartContext("pbx-call-1", "+4930123456", owner, Policy)).State;
}
