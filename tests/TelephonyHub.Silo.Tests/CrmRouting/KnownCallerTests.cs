using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.Testing.World;
using static TelephonyHub.Silo.Tests.CrmRouting.CrmRoutingWorld;
using static TelephonyHub.Silo.Tests.Queues.QueueWorld;

namespace TelephonyHub.Silo.Tests.CrmRouting;

/// <summary>
/// Scenario 3 through the real gateways on a fake clock: a caller the CRM knows rings their responsible manager, the
/// portal records it in the documented minimum of requests, and a manager who cannot take the call loses it to the queue.
/// </summary>
public sealed class KnownCallerTests(CrmRoutingWorld fixture) : IClassFixture<CrmRoutingWorld>
{
    private const string Known = "+4930777001";
    private const string Register = "telephony.externalcall.register";
    private const string Search = "telephony.externalcall.searchcrmentities";
    private const string Show = "telephony.externalcall.show";
    private const string Hide = "telephony.externalcall.hide";
    private const string Finish = "telephony.externalcall.finish";

    [Fact]
    public async Task ContactOwnedByAFreeManager_IsTransferredToThem_TheySeeTheCard_AndTheFinishIsTheirs_InThreeRequests()
    {
        await using var crm = await fixture.PortalAsync([Contact(Known, TestUsers.Anna)]);
        var contact = crm.Crm[0];

        await crm.CallAsync("known-1", Known);

        var transfer = await crm.NextTransferAsync("known-1", "101");
        await crm.Pbx.AcknowledgeAsync(transfer);
        var ringing = await crm.WaitForAsync(p => HasCards(p, "known-1", TestUsers.Anna) && p.RequestsFor(Register).Count == 1, "Anna, the contact's manager, sees the card");
        var register = Assert.Single(ringing.RequestsFor(Register));
        Assert.Equal(("12", "1", null), (register.Parameter("USER_ID"), register.Parameter("SHOW"), register.Parameter("CRM_CREATE")));

        await crm.SendAsync(crm.World.Events.Transferred("known-1", "101"));
        await crm.SendAsync(crm.World.Events.Answered("known-1", "101"));
        crm.Advance(TimeSpan.FromSeconds(42));
        await crm.SendAsync(crm.World.Events.Ended("known-1", CallOutcome.Answered, talkSeconds: 42));

        var done = await crm.WaitForAsync(p => p.CallLog.Count == 1 && p.RequestsFor(Finish).Count == 1, "the call is in the call log");
        var record = Assert.Single(done.CallLog);
        Assert.Equal((TestUsers.Anna, "200", 42), (record.UserId, record.StatusCode, record.Duration));
        Assert.Equal((CrmEntityType.Contact, contact.Id), (record.CrmEntityType, record.CrmEntityId));
        Assert.Equal([Search, Register, Finish], crm.CallRequests(done));
        Assert.Empty(done.Cards);
        Assert.False(crm.Pbx.TryTakeCommand(out var extra), $"No other command, got {extra}");
    }

    [Fact]
    public async Task OpenDealOfTheContact_ItsResponsibleGetsTheCall_NotTheContactsOwner_InFourRequests()
    {
        await using var crm = await fixture.PortalAsync(
            [Contact(Known, TestUsers.Anna)], preferOpenDeal: true);
        var contact = crm.Crm[0];
        await crm.World.Emulator.Admin.AddCrmEntityAsync(crm.Portal.MemberId, new CrmEntity(CrmEntityType.Deal, 0) { Title = "Lost", ContactId = contact.Id, AssignedById = TestUsers.Clara, Closed = true });
        await crm.World.Emulator.Admin.AddCrmEntityAsync(crm.Portal.MemberId, new CrmEntity(CrmEntityType.Deal, 0) { Title = "Renewal", ContactId = contact.Id, AssignedById = TestUsers.Boris });

        await crm.CallAsync("deal-1", Known);

        await crm.Pbx.AcknowledgeAsync(await crm.NextTransferAsync("deal-1", "102"));
        await crm.WaitForAsync(p => HasCards(p, "deal-1", TestUsers.Boris), "Boris, responsible for the open deal, sees the card");
        await crm.SendAsync(crm.World.Events.Answered("deal-1", "102"));
        crm.Advance(TimeSpan.FromSeconds(20));
        await crm.SendAsync(crm.World.Events.Ended("deal-1", CallOutcome.Answered, talkSeconds: 20));

        var done = await crm.WaitForAsync(p => p.CallLog.Count == 1 && p.RequestsFor(Finish).Count == 1, "the call is in the call log");
        Assert.Equal(TestUsers.Boris, Assert.Single(done.CallLog).UserId);
        Assert.Equal([Search, "crm.deal.list", Register, Finish], crm.CallRequests(done));
        var deals = Assert.Single(done.RequestsFor("crm.deal.list"));
        Assert.Equal((contact.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "N"), (deals.Parameter("filter[CONTACT_ID]"), deals.Parameter("filter[CLOSED]")));
    }

    [Fact]
    public async Task ManagerOnAnotherCall_TheCallGoesToTheQueue()
    {
        await using var crm = await fixture.PortalAsync(
            [Contact(Known, TestUsers.Anna)], Simultaneous(30, 1, TestUsers.Anna, TestUsers.Boris, TestUsers.Clara));
        await crm.SendAsync(crm.World.Events.ExtensionState("101", ExtensionState.Busy));

        await crm.CallAsync("busy-1", Known);

        await crm.NextRingAsync("busy-1", "102", "103");
        var queued = await crm.WaitForAsync(p => HasCards(p, "busy-1", TestUsers.Boris, TestUsers.Clara) && p.RequestsFor(Show).Count == 1, "Boris and Clara see the card");
        Assert.Equal("14", Assert.Single(queued.RequestsFor(Register)).Parameter("USER_ID"));
        Assert.Equal([Search, Register, Show], crm.CallRequests(queued));
        await crm.World.Hub.Logs.WaitForAsync(l => l.Contains("busy-1", StringComparison.Ordinal) && l.Contains("ManagerBusy", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the log says why the manager was skipped");
    }

    [Fact]
    public async Task ManagerWithoutExtension_TheCallGoesToTheQueue()
    {
        await using var crm = await fixture.PortalAsync([Contact(Known, TestUsers.Admin)], Sequential(30, 1, TestUsers.Boris));

        await crm.CallAsync("noext-1", Known);

        await crm.NextRingAsync("noext-1", "102");
        var queued = await crm.WaitForAsync(p => HasCards(p, "noext-1", TestUsers.Boris) && p.RequestsFor(Register).Count == 1, "Boris sees the card");
        Assert.Equal([Search, Register], crm.CallRequests(queued));
        await crm.World.Hub.Logs.WaitForAsync(l => l.Contains("noext-1", StringComparison.Ordinal) && l.Contains("ManagerHasNoExtension", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the log says why the manager was skipped");
    }

    [Fact]
    public async Task ManagerWhoseWorkdayIsClosed_TheCallGoesToTheQueue()
    {
        var users = TestUsers.All().Select(u => u.Id == TestUsers.Anna ? u with { TimemanStatus = "CLOSED" } : u).ToArray();
        await using var crm = await fixture.PortalAsync([Contact(Known, TestUsers.Anna)], Sequential(30, 1, TestUsers.Boris), users: users);

        await crm.CallAsync("closed-1", Known);

        await crm.NextRingAsync("closed-1", "102");
        await crm.WaitForAsync(p => HasCards(p, "closed-1", TestUsers.Boris), "Boris sees the card");
        await crm.World.Hub.Logs.WaitForAsync(l => l.Contains("closed-1", StringComparison.Ordinal) && l.Contains("ManagerNotAtWork", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the log says why the manager was skipped");
    }

    [Fact]
    public async Task PbxRefusesTheTransfer_TheQueueTakesTheCallAtOnce_KeepingTheCrmBinding()
    {
        await using var crm = await fixture.PortalAsync(
            [Contact(Known, TestUsers.Anna)], Simultaneous(30, 1, TestUsers.Anna, TestUsers.Boris, TestUsers.Clara));
        var start = await crm.CallAsync("refused-1", Known);

        var transfer = await crm.NextTransferAsync("refused-1", "101");
        await crm.WaitForAsync(p => HasCards(p, "refused-1", TestUsers.Anna) && p.RequestsFor(Register).Count == 1, "Anna sees the card");
        await crm.Pbx.AcknowledgeAsync(transfer, accepted: false, reason: "extension 101 is not registered");

        await crm.NextRingAsync("refused-1", "102", "103");
        var queued = await crm.WaitForAsync(
            p => HasCards(p, "refused-1", TestUsers.Boris, TestUsers.Clara) && p.RequestsFor(Show).Count == 1 && p.RequestsFor(Hide).Count == 1,
            "Anna's card moved to Boris and Clara");
        Assert.Equal(["0s +12", "0s -12", "0s +14", "0s +16"], Timeline(queued, "refused-1", start));
        await crm.World.Hub.Logs.WaitForAsync(
            l => l.Contains("refused-1", StringComparison.Ordinal) && l.Contains("TransferRefused", StringComparison.Ordinal) && l.Contains("extension 101 is not registered", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the log says the PBX refused the transfer, and why");

        await crm.SendAsync(crm.World.Events.Answered("refused-1", "103"));
        crm.Advance(TimeSpan.FromSeconds(15));
        await crm.SendAsync(crm.World.Events.Ended("refused-1", CallOutcome.Answered, talkSeconds: 15));
        var done = await crm.WaitForAsync(p => p.CallLog.Count == 1 && p.RequestsFor(Finish).Count == 1, "the call is in the call log");
        var record = Assert.Single(done.CallLog);
        Assert.Equal((TestUsers.Clara, CrmEntityType.Contact, crm.Crm[0].Id), (record.UserId, record.CrmEntityType, record.CrmEntityId));
        Assert.Equal([Search, Register, Hide, Show, Hide, Finish], crm.CallRequests(done));
    }

    [Fact]
    public async Task ManagerDoesNotAnswerInTime_TheQueueTakesTheCall_KeepingTheCrmBinding()
    {
        await using var crm = await fixture.PortalAsync(
            [Contact(Known, TestUsers.Anna)], Simultaneous(30, 1, TestUsers.Anna, TestUsers.Boris), managerAnswerSeconds: 10);
        var start = await crm.CallAsync("late-1", Known);
        await crm.Pbx.AcknowledgeAsync(await crm.NextTransferAsync("late-1", "101"));
        await crm.WaitForAsync(p => HasCards(p, "late-1", TestUsers.Anna) && p.RequestsFor(Register).Count == 1, "Anna sees the card");
        await crm.HubTookAnswersAsync(Register, 1);

        crm.Advance(TimeSpan.FromSeconds(9));
        Assert.False(crm.Pbx.TryTakeCommand(out var early), $"Nothing before the answer time is over, got {early}");
        crm.Advance(TimeSpan.FromSeconds(1));

        await crm.NextRingAsync("late-1", "102"); // the queue without Anna, who had her chance
        var queued = await crm.WaitForAsync(p => HasCards(p, "late-1", TestUsers.Boris) && p.RequestsFor(Show).Count == 1, "the card moved to Boris");
        Assert.Equal(["0s +12", "10s -12", "10s +14"], Timeline(queued, "late-1", start));
        await crm.SendAsync(crm.World.Events.Answered("late-1", "102"));
        crm.Advance(TimeSpan.FromSeconds(30));
        await crm.SendAsync(crm.World.Events.Ended("late-1", CallOutcome.Answered, talkSeconds: 30));

        var done = await crm.WaitForAsync(p => p.CallLog.Count == 1 && p.RequestsFor(Finish).Count == 1, "the call is in the call log");
        var record = Assert.Single(done.CallLog);
        Assert.Equal((TestUsers.Boris, TestUsers.Anna, CrmEntityType.Contact, crm.Crm[0].Id),
            (record.UserId, record.RegisteredUserId, record.CrmEntityType, record.CrmEntityId));
        Assert.Equal([Search, Register, Hide, Show, Finish], crm.CallRequests(done)); // registered once: the binding stays
    }
}
