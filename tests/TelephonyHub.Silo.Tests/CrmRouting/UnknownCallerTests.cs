using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.Testing.World;
using static TelephonyHub.Silo.Tests.CrmRouting.CrmRoutingWorld;
using static TelephonyHub.Silo.Tests.Queues.QueueWorld;

namespace TelephonyHub.Silo.Tests.CrmRouting;

/// <summary>
/// Callers the CRM cannot route: an unknown number (a lead or not, as the portal says) and a portal that does not
/// answer the lookup (scenario 6). Both go to the line's queue after one search, or after the lookup's bounded wait.
/// </summary>
public sealed class UnknownCallerTests(CrmRoutingWorld fixture) : IClassFixture<CrmRoutingWorld>
{
    private const string Unknown = "+4930555123";
    private const string Register = "telephony.externalcall.register";
    private const string Search = "telephony.externalcall.searchcrmentities";
    private const string Show = "telephony.externalcall.show";
    private const string Hide = "telephony.externalcall.hide";
    private const string Finish = "telephony.externalcall.finish";

    [Fact]
    public async Task UnknownNumber_OnAPortalThatCreatesLeads_CreatesOne_WhoseResponsibleIsWhoAnswered()
    {
        await using var crm = await fixture.PortalAsync([Contact("+4930777001", TestUsers.Anna)],
            Simultaneous(30, 1, TestUsers.Anna, TestUsers.Boris), createLeads: true);

        await crm.CallAsync("lead-1", Unknown);

        await crm.NextRingAsync("lead-1", "101", "102");
        var ringing = await crm.WaitForAsync(p => HasCards(p, "lead-1", TestUsers.Anna, TestUsers.Boris) && p.RequestsFor(Show).Count == 1, "the queue sees the card");
        var register = Assert.Single(ringing.RequestsFor(Register));
        Assert.Equal(("12", "1", "1"), (register.Parameter("USER_ID"), register.Parameter("SHOW"), register.Parameter("CRM_CREATE")));
        await crm.SendAsync(crm.World.Events.Answered("lead-1", "102"));
        crm.Advance(TimeSpan.FromSeconds(25));
        await crm.SendAsync(crm.World.Events.Ended("lead-1", CallOutcome.Answered, talkSeconds: 25));

        var done = await crm.WaitForAsync(p => p.CallLog.Count == 1 && p.RequestsFor(Finish).Count == 1, "the call is in the call log");
        var record = Assert.Single(done.CallLog);
        var lead = Assert.Single(done.Crm, e => e.Type == CrmEntityType.Lead);
        Assert.Equal((TestUsers.Boris, CrmEntityType.Lead, lead.Id), (record.UserId, record.CrmEntityType, record.CrmEntityId));
        Assert.Equal((TestUsers.Boris, record.CallId), (lead.AssignedById, lead.CreatedByCallId));
        Assert.Equal([Search, Register, Show, Hide, Finish], crm.CallRequests(done));
    }

    [Fact]
    public async Task UnknownNumber_OnAPortalThatCreatesNoLeads_LeavesTheCrmAlone()
    {
        await using var crm = await fixture.PortalAsync([Contact("+4930777001", TestUsers.Anna)], Sequential(30, 1, TestUsers.Boris));

        await crm.CallAsync("nolead-1", Unknown);

        await crm.NextRingAsync("nolead-1", "102");
        var ringing = await crm.WaitForAsync(p => HasCards(p, "nolead-1", TestUsers.Boris) && p.RequestsFor(Register).Count == 1, "Boris sees the card");
        Assert.Null(Assert.Single(ringing.RequestsFor(Register)).Parameter("CRM_CREATE"));
        crm.Advance(TimeSpan.FromSeconds(5));
        await crm.SendAsync(crm.World.Events.Ended("nolead-1", CallOutcome.Cancelled));

        var done = await crm.WaitForAsync(p => p.CallLog.Count == 1 && p.RequestsFor(Finish).Count == 1, "the missed call is in the call log");
        var record = Assert.Single(done.CallLog);
        Assert.Equal((TestUsers.Boris, "304", (CrmEntityType?)null), (record.UserId, record.StatusCode, record.CrmEntityType));
        Assert.DoesNotContain(done.Crm, e => e.Type == CrmEntityType.Lead);
        Assert.Equal([Search, Register, Finish], crm.CallRequests(done));
    }

    [Fact]
    public async Task PortalUnreachable_TheCallGoesToTheQueueAfterTheLookupWait_AndTheLookupIsNotRetriedOnceTheCallGaveUp()
    {
        await using var crm = await fixture.PortalAsync([Contact("+4930777001", TestUsers.Anna)], Sequential(120, 1, TestUsers.Boris));
        await crm.World.Emulator.Admin.SetFaultsAsync(crm.Portal.MemberId, new FaultSettings { Unreachable = true });

        await crm.CallAsync("down-1", "+4930777001");
        crm.Advance(TimeSpan.FromSeconds(2.5));
        Assert.False(crm.Pbx.TryTakeCommand(out var early), $"The caller waits for the lookup a little, got {early}");
        crm.Advance(TimeSpan.FromSeconds(0.5));

        // The PBX does not depend on Bitrix24: the queue rings at once, the card follows when the portal is back.
        await crm.NextRingAsync("down-1", "102");
        await crm.World.Hub.Logs.WaitForAsync(l => l.Contains("down-1", StringComparison.Ordinal) && l.Contains("LookupTimedOut", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the log says the lookup ran out of time");

        await crm.World.Hub.Logs.WaitForAsync(
            l => l.Contains("Dropped telephony.externalCall.searchCrmEntities", StringComparison.Ordinal) && l.Contains(crm.Portal.MemberId, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the dispatch to drop the lookup nobody waits for");
        await crm.World.Emulator.Admin.SetFaultsAsync(crm.Portal.MemberId, new FaultSettings());
        crm.Advance(TimeSpan.FromSeconds(31)); // past the dispatch's longest backoff
        var back = await crm.WaitForAsync(p => HasCards(p, "down-1", TestUsers.Boris) && p.RequestsFor(Register).Count == 1, "Boris sees the card once the portal is back");
        Assert.Equal("14", Assert.Single(back.RequestsFor(Register)).Parameter("USER_ID"));
        // Searches only while the portal was down (a retry in flight as the call gave up may land a moment later, still
        // refused); once it is back, the call's record alone.
        var requests = crm.CallRequests(back);
        Assert.Equal(Register, requests[^1]);
        Assert.All(requests[..^1], method => Assert.Equal(Search, method));
        Assert.All(back.RequestsFor(Search), r => Assert.Equal("CONNECTION_ABORTED", r.ErrorCode)); // tried while down, never answered
    }
}
