using TelephonyHub.PortalEmulator.Crm;

namespace TelephonyHub.PortalEmulator.Tests.Crm;

/// <summary>Reference §6.4: the open deals of a contact or company, newest first, only the fields selected.</summary>
public sealed class DealListTests
{
    [Fact]
    public async Task OpenDealsOfAContact_NewestFirst_WithOnlyTheSelectedFields()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.AddCrmEntityAsync(EmulatorHarness.Domain, new CrmEntity(CrmEntityType.Deal, 0) { Title = "Old", ContactId = 797, AssignedById = 11 });
        await h.Server.Admin.AddCrmEntityAsync(EmulatorHarness.Domain, new CrmEntity(CrmEntityType.Deal, 0) { Title = "Won", ContactId = 797, AssignedById = 24, Closed = true });
        await h.Server.Admin.AddCrmEntityAsync(EmulatorHarness.Domain, new CrmEntity(CrmEntityType.Deal, 0) { Title = "New", ContactId = 797, AssignedById = 24 });
        await h.Server.Admin.AddCrmEntityAsync(EmulatorHarness.Domain, new CrmEntity(CrmEntityType.Deal, 0) { Title = "Other's", ContactId = 5, AssignedById = 11 });

        var reply = await h.GetAsync("crm.deal.list",
            "order[DATE_MODIFY]=DESC&filter[CONTACT_ID]=797&filter[CLOSED]=N&select[0]=ID&select[1]=ASSIGNED_BY_ID");

        Assert.Equal("""[{"ID":"3","ASSIGNED_BY_ID":"24"},{"ID":"1","ASSIGNED_BY_ID":"11"}]""", reply.Result!.ToJsonString());
        Assert.Equal(2, reply.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task NoMatchingDeal_AnswersAnEmptyList()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("crm.deal.list", "filter[COMPANY_ID]=3013&filter[CLOSED]=N");

        Assert.Equal("[]", reply.Result!.ToJsonString());
    }

    [Fact]
    public async Task FilterTheEmulatorDoesNotKnow_IsRefusedByName()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("crm.deal.list", "filter[%3EOPPORTUNITY]=100");

        Assert.Equal((400, "The emulator does not filter deals by '>OPPORTUNITY'."), (reply.Status, reply.Description));
    }
}
