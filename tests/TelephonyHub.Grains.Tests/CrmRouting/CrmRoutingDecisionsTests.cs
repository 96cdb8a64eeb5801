using System.Collections.Immutable;
using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Presence;
using TelephonyHub.Grains.Queues;
using static TelephonyHub.Grains.Tests.CrmRouting.CrmScenario;

namespace TelephonyHub.Grains.Tests.CrmRouting;

/// <summary>Scenario 3 as decisions: who is asked, who gets the call and the card, and when the queue takes over.</summary>
public sealed class CrmRoutingDecisionsTests
{
    [Fact]
    public void InboundCallToALine_AsksBitrix24WhoOwnsTheNumber_BeforeRegisteringAnything()
    {
        var call = new CrmScenario();

        var started = call.Start();

        Assert.Equal(["search +4930123456"], Describe(started));
        Assert.Equal((CallPhase.Started, CrmRouteStage.LookingUp), (call.Call.Phase, call.Route.Stage));
        Assert.Equal(call.Now + LookupTimeout, call.Route.Deadline);
        Assert.Empty(call.Call.CardHolders);
    }

    [Theory]
    [InlineData("101", "+4930123456", CallDirection.Inbound)] // to an extension: scenario 1
    [InlineData(null, "", CallDirection.Inbound)] // no caller id: nothing to look up
    [InlineData(null, "anonymous", CallDirection.Inbound)]
    [InlineData("101", "+4930123456", CallDirection.Outbound)]
    public void CallsTheCrmCannotRoute_AreLeftToTheOtherRules(string? extension, string from, CallDirection direction)
    {
        Assert.Null(new CrmScenario().Start(extension, from, direction));
    }

    [Fact]
    public void PortalWithoutCrmRouting_IsLeftToTheOtherRules()
    {
        Assert.Null(new CrmScenario(new CrmRoutingSettings { Enabled = false }).Start());
    }

    [Fact]
    public void ContactOwnedByAFreeManager_IsRegisteredToThemWithTheCard_AndTransferredToTheirExtension()
    {
        var call = new CrmScenario();
        call.Start();

        var routed = call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Equal(["register 12 card", "transfer 101"], Describe(routed));
        Assert.Equal(call.Now + CrmScenario.AcknowledgeTimeout, routed!.Effects.OfType<PbxCommandEffect>().Single().ExpiresAt);
        Assert.Equal((CallPhase.Ringing, CrmRouteStage.RingingManager), (call.Call.Phase, call.Route.Stage));
        Assert.Equal(call.Now + TimeSpan.FromSeconds(20), call.Route.Deadline);
        Assert.Equal(((long)12, "CONTACT", (long)797), (call.Route.Owner!.UserId, call.Route.Owner.EntityType, call.Route.Owner.EntityId));
        Assert.Equal<long>([Anna.UserId], call.Call.CardHolders);
        Assert.Equal(CrmScenario.CallKey, OperatorBoard.Held(call.Presence, call.Now)[Anna.UserId]);
    }

    [Fact]
    public void ManagerAnswers_TheCallIsTheirs_AndTheFinishIsForThem()
    {
        var call = new CrmScenario();
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Empty(Describe(call.TransferredTo(Anna))); // the PBX reports the transfer the hub asked for
        Assert.Equal(CrmRouteStage.RingingManager, call.Route.Stage);
        Assert.Empty(Describe(call.After(TimeSpan.FromSeconds(6)).Answer(Anna)));
        Assert.Equal((CrmRouteStage.Done, (DateTimeOffset?)null), (call.Route.Stage, call.Route.Deadline));
        Assert.Null(call.After(TimeSpan.FromSeconds(20)).TimerFires());

        Assert.Equal(["finish 12 200"], Describe(call.After(TimeSpan.FromSeconds(30)).Ends(CallOutcome.Answered, talkSeconds: 50)));
    }

    [Fact]
    public void FirstMatchWithAResponsible_IsTheCaller_ContactsBeforeCompanies()
    {
        var call = new CrmScenario();
        call.Start();

        var routed = call.SearchAnswers(
            new CrmEntitySearchResult(CrmEntityTypes.Contact, 5, "Nobody's", null, null),
            Match(CrmEntityTypes.Contact, 797, Boris),
            Match(CrmEntityTypes.Company, 31, Anna));

        Assert.Equal(["register 14 card", "transfer 102"], Describe(routed));
    }

    [Fact]
    public void OpenDealRule_AsksForTheContactsNewestOpenDeal_AndItsResponsibleWins()
    {
        var call = new CrmScenario(new CrmRoutingSettings { Enabled = true, PreferOpenDeal = true });
        call.Start();

        var dealLookup = call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));
        Assert.Equal(["deals CONTACT_ID=797 CLOSED=N"], Describe(dealLookup));
        var query = (ListDeals)dealLookup!.Effects.OfType<CrmLookupEffect>().Single().Request;
        Assert.Equal<string>(["ID", "ASSIGNED_BY_ID"], query.Select);
        Assert.Equal(new Bitrix24.Rest.Bitrix24Sort("DATE_MODIFY", Bitrix24.Rest.Bitrix24SortDirection.Descending), Assert.Single(query.Order));
        Assert.Equal(CrmRouteStage.LookingUpDeal, call.Route.Stage);

        var routed = call.DealsAnswer(Deal(4001, Boris));

        Assert.Equal(["register 14 card", "transfer 102"], Describe(routed));
        Assert.Equal(("DEAL", (long)4001), (call.Route.Owner!.EntityType, call.Route.Owner.EntityId));
    }

    [Fact]
    public void OpenDealRule_CompanyWithoutOpenDeal_KeepsTheCompanysResponsible()
    {
        var call = new CrmScenario(new CrmRoutingSettings { Enabled = true, PreferOpenDeal = true });
        call.Start();

        Assert.Equal(["deals COMPANY_ID=31 CLOSED=N"], Describe(call.SearchAnswers(Match(CrmEntityTypes.Company, 31, Clara))));
        Assert.Equal(["register 16 card", "transfer 103"], Describe(call.DealsAnswer()));
    }

    [Fact]
    public void OpenDealRule_LeadsHaveNoDeals_TheLeadsResponsibleAtOnce()
    {
        var call = new CrmScenario(new CrmRoutingSettings { Enabled = true, PreferOpenDeal = true });
        call.Start();

        Assert.Equal(["register 12 card", "transfer 101"], Describe(call.SearchAnswers(Match(CrmEntityTypes.Lead, 55, Anna))));
    }

    [Fact]
    public void OpenDealRule_DealListRefused_TheContactsResponsibleTakesTheCall()
    {
        var call = new CrmScenario(new CrmRoutingSettings { Enabled = true, PreferOpenDeal = true });
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Equal(["register 12 card", "transfer 101"], Describe(call.LookupFails(CrmRoutingDecisions.DealEffectId, new ListDeals())));
    }

    [Fact]
    public void OpenDealRule_DealListTooSlow_TheContactsResponsibleTakesTheCall()
    {
        var call = new CrmScenario(new CrmRoutingSettings { Enabled = true, PreferOpenDeal = true });
        call.Start();
        call.After(TimeSpan.FromSeconds(1)).SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Null(call.After(TimeSpan.FromSeconds(1.5)).TimerFires());
        Assert.Equal(["register 12 card", "transfer 101"], Describe(call.After(TimeSpan.FromSeconds(0.5)).TimerFires()));
        Assert.Null(call.DealsAnswer(Deal(4001, Boris))); // too late: ignored
    }

    [Fact]
    public void DealOwnedByTheContactsOwner_KeepsWhatTheSearchSaidAboutThem()
    {
        var call = new CrmScenario(new CrmRoutingSettings { Enabled = true, PreferOpenDeal = true });
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna, timeman: "CLOSED"));

        call.DealsAnswer(Deal(4001, Anna));

        Assert.Equal((CrmRouteStage.FellBack, CrmFallbackReason.ManagerNotAtWork), (call.Route.Stage, call.Route.FellBackBecause));
    }

    [Fact]
    public void ManagerBusyOnAnotherCall_GoesToTheQueue_RegisteredToTheFirstFreeOperator()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Anna, Boris, Clara) };
        call.Presence = OperatorBoard.Engage(call.Presence, "portal-1/other", Anna.UserId, call.Now);
        call.Start();

        var queued = call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Equal(["register 14 card", "show 16", "ring 102,103"], Describe(queued));
        Assert.Equal((CrmRouteStage.FellBack, CrmFallbackReason.ManagerBusy), (call.Route.Stage, call.Route.FellBackBecause));
        Assert.True(QueueDecisions.IsOffering(call.Call));
    }

    [Fact]
    public void ManagerExtensionReportedBusy_GoesToTheQueue()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Presence = call.Presence with
        {
            Extensions = call.Presence.Extensions.SetItem(Anna.Extension, new ExtensionPresence(ExtensionState.Busy, call.Now, "e1")),
        };
        call.Start();

        Assert.Equal(["register 14 card", "ring 102"], Describe(call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna))));
        Assert.Equal(CrmFallbackReason.ManagerBusy, call.Route.FellBackBecause);
    }

    [Theory]
    [InlineData("CLOSED")]
    [InlineData("PAUSED")]
    [InlineData("EXPIRED")]
    public void ManagerWhoseWorkdayIsNotOpen_GoesToTheQueue(string timeman)
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();

        Assert.Equal(["register 14 card", "ring 102"], Describe(call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna, timeman))));
        Assert.Equal(CrmFallbackReason.ManagerNotAtWork, call.Route.FellBackBecause);
    }

    [Fact]
    public void ManagerWithoutExtension_GoesToTheQueue()
    {
        var admin = new Abstractions.Queues.QueueMember(Admin, "");
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();

        Assert.Equal(["register 14 card", "ring 102"], Describe(call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, admin, extension: null))));
        Assert.Equal(CrmFallbackReason.ManagerHasNoExtension, call.Route.FellBackBecause);
    }

    [Fact]
    public void ManagerWhoIsNoActiveUser_GoesToTheQueue()
    {
        var gone = new Abstractions.Queues.QueueMember(99, "199");
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();

        Assert.Equal(["register 14 card", "ring 102"], Describe(call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, gone))));
        Assert.Equal(CrmFallbackReason.ManagerInactive, call.Route.FellBackBecause);
    }

    [Fact]
    public void UnknownNumber_GoesToTheQueue()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Anna, Boris) };
        call.Start();

        Assert.Equal(["register 12 card", "show 14", "ring 101,102"], Describe(call.SearchAnswers()));
        Assert.Equal(CrmFallbackReason.UnknownNumber, call.Route.FellBackBecause);
    }

    [Fact]
    public void MatchesWithoutResponsible_GoToTheQueue()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Anna) };
        call.Start();

        call.SearchAnswers(new CrmEntitySearchResult(CrmEntityTypes.Lead, 5, "Lead", null, null));

        Assert.Equal(CrmFallbackReason.NoResponsible, call.Route.FellBackBecause);
    }

    [Fact]
    public void UnknownNumberOnALineWithoutQueue_IsRegisteredToTheFallbackUserWithoutCard()
    {
        var call = new CrmScenario();
        call.Start();

        Assert.Equal(["register 1 no card"], Describe(call.SearchAnswers()));
        Assert.Equal(CallPhase.Started, call.Call.Phase);
    }

    [Fact]
    public void UnknownNumberWithNobodyFreeInTheQueue_IsAMissedCall()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Anna) };
        call.Presence = OperatorBoard.Engage(call.Presence, "portal-1/other", Anna.UserId, call.Now);
        call.Start();

        Assert.Equal(["register 1 no card", "finish 1 304", "hang up"], Describe(call.SearchAnswers()));
    }

    [Fact]
    public void Bitrix24TooSlow_TheCallGoesToTheQueueWhenTheLookupTimeRunsOut_AndTheLateAnswerIsIgnored()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();

        Assert.Null(call.After(TimeSpan.FromSeconds(2.9)).TimerFires());
        Assert.Equal(["register 14 card", "ring 102"], Describe(call.After(TimeSpan.FromSeconds(0.1)).TimerFires()));
        Assert.Equal(CrmFallbackReason.LookupTimedOut, call.Route.FellBackBecause);

        Assert.Null(call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna)));
    }

    [Fact]
    public void SearchRefused_GoesToTheQueue()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();

        Assert.Equal(["register 14 card", "ring 102"], Describe(call.LookupFails(CrmRoutingDecisions.SearchEffectId, new SearchCrmEntities(Caller))));
        Assert.Equal(CrmFallbackReason.LookupFailed, call.Route.FellBackBecause);
    }

    [Fact]
    public void ManagerDoesNotAnswerInTime_TheQueueTakesTheCallKeepingTheRegistration_WithoutTheManager()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Anna, Boris, Clara) };
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));
        call.TransferAcknowledged(PbxCommandAckStatus.Accepted);

        Assert.Null(call.After(TimeSpan.FromSeconds(19)).TimerFires());
        var queued = call.After(TimeSpan.FromSeconds(1)).TimerFires();

        Assert.Equal(["hide 12", "show 14,16", "ring 102,103"], Describe(queued)); // no second register: the CRM binding stays
        Assert.Equal((CrmFallbackReason.ManagerDidNotAnswer, Anna.UserId), (call.Route.FellBackBecause, call.Call.RegisteredUserId));
        Assert.DoesNotContain(call.Call.Queue!.Queue.Members, m => m.UserId == Anna.UserId);

        call.After(TimeSpan.FromSeconds(3)).Answer(Clara);
        Assert.Equal(["finish 16 200"], Describe(call.After(TimeSpan.FromSeconds(40)).Ends(CallOutcome.Answered, talkSeconds: 40)));
    }

    [Fact]
    public void ManagerDoesNotAnswerOnALineWithoutQueue_KeepsRinging()
    {
        var call = new CrmScenario();
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Empty(Describe(call.After(TimeSpan.FromSeconds(20)).TimerFires()));
        Assert.Equal<long>([Anna.UserId], call.Call.CardHolders);
        Assert.Equal(CrmRouteStage.FellBack, call.Route.Stage);
    }

    [Fact]
    public void PbxRefusesTheTransfer_TheCallGoesToTheQueueAtOnce()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Anna, Boris) };
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        var queued = call.After(TimeSpan.FromSeconds(0.2)).TransferAcknowledged(PbxCommandAckStatus.Rejected);

        Assert.Equal(["hide 12", "show 14", "ring 102"], Describe(queued));
        Assert.Equal(CrmFallbackReason.TransferRefused, call.Route.FellBackBecause);
    }

    [Fact]
    public void NoPbxTakesTheTransfer_TheCallGoesToTheQueue()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Equal(["hide 12", "show 14", "ring 102"], Describe(call.After(TimeSpan.FromSeconds(5)).TransferAcknowledged(PbxCommandAckStatus.Expired)));
        Assert.Equal(CrmFallbackReason.TransferUnacknowledged, call.Route.FellBackBecause);
    }

    [Fact]
    public void PbxRefusesTheTransferOnALineWithoutQueue_TheManagersCardGoes()
    {
        var call = new CrmScenario();
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Equal(["hide 12"], Describe(call.TransferAcknowledged(PbxCommandAckStatus.Rejected)));
        Assert.Empty(call.Call.CardHolders);
    }

    [Fact]
    public void AcceptedTransferOrAnotherCallsAck_ChangesNothing()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Null(call.TransferAcknowledged(PbxCommandAckStatus.Accepted));
        Assert.Null(CrmRoutingDecisions.OnTransferAcknowledged(call.Call, "queue-step-1#2",
            new PbxCommandAck { RequestId = "x", Status = PbxCommandAckStatus.Rejected }));
        Assert.Equal(CrmRouteStage.RingingManager, call.Route.Stage);
    }

    [Fact]
    public void ManagersExtensionGoesOfflineWhileItRings_TheCallGoesToTheQueue()
    {
        var call = new CrmScenario { LineQueue = Simultaneous(Boris) };
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Null(call.Unavailable(Boris));
        Assert.Equal(["hide 12", "show 14", "ring 102"], Describe(call.Unavailable(Anna)));
        Assert.Equal(CrmFallbackReason.ManagerUnavailable, call.Route.FellBackBecause);
    }

    [Fact]
    public void CallerHangsUpWhileTheManagerRings_AMissedCallForTheManager()
    {
        var call = new CrmScenario();
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Equal(["finish 12 304"], Describe(call.After(TimeSpan.FromSeconds(8)).HangsUp()));
        Assert.Equal(CrmRouteStage.Done, call.Route.Stage);
    }

    [Fact]
    public void PbxMovesTheCallElsewhereWhileTheManagerRings_TheRoutingIsOver()
    {
        var call = new CrmScenario();
        call.Start();
        call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna));

        Assert.Equal(["hide 12", "show 14"], Describe(call.TransferredTo(Boris)));
        Assert.Equal(CrmRouteStage.Done, call.Route.Stage);
        Assert.Null(call.After(TimeSpan.FromSeconds(30)).TimerFires());
    }

    [Fact]
    public void RingingWhileLookingUp_ChangesNoCard()
    {
        var call = new CrmScenario();
        call.Start();

        var ringing = call.Ringing(Boris);

        Assert.True(ringing.Changed);
        Assert.Empty(ringing.Effects);
        Assert.Equal(CrmRouteStage.LookingUp, call.Route.Stage);
    }

    [Fact]
    public void CallerHangsUpBeforeBitrix24Answers_ItIsRegisteredToTheFallbackUserAndFinishedAsMissed()
    {
        var call = new CrmScenario();
        call.Start();

        Assert.Equal(["register 1 no card", "finish 1 304"], Describe(call.After(TimeSpan.FromSeconds(1)).HangsUp()));
        Assert.Equal(CrmRouteStage.Done, call.Route.Stage);
        Assert.Null(call.SearchAnswers(Match(CrmEntityTypes.Contact, 797, Anna)));
        Assert.Null(call.After(TimeSpan.FromSeconds(5)).TimerFires());
    }

    [Fact]
    public void SomebodyAnswersBeforeBitrix24Does_ItIsRegisteredToThemWithTheCard()
    {
        var call = new CrmScenario();
        call.Start();

        Assert.Equal(["register 14 card"], Describe(call.Answer(Boris)));
        Assert.Equal((CallPhase.Answered, (long?)Boris.UserId), (call.Call.Phase, call.Call.HandlingUserId));
    }
}
