namespace TelephonyHub.PortalEmulator.Tests.Crm;

/// <summary>Reference §6.2, §6.3, §5.6 and §9 item 10: CRM lookups with PHP's wire quirks.</summary>
public sealed class CrmMethodTests
{
    [Fact]
    public async Task FindByComm_WithNoHit_AnswersAnEmptyList()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("crm.duplicate.findbycomm", "type=PHONE&values[]=%2B10000000");

        Assert.Equal("[]", reply.Result!.ToJsonString());
    }

    [Fact]
    public async Task FindByComm_MatchesDigitsAndAnswersIntIds()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostJsonAsync("crm.duplicate.findbycomm", new JsonObject { ["type"] = "PHONE", ["values"] = new JsonArray("4930-1234567") });

        Assert.Equal("""{"CONTACT":[797],"COMPANY":[3013]}""", reply.Result!.ToJsonString());
    }

    [Fact]
    public async Task ContactGet_AnswersStringIds()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("crm.contact.get", "id=797");

        Assert.Equal("797", reply.Result!["ID"]!.GetValue<string>());
        Assert.Equal("11", reply.Result["ASSIGNED_BY_ID"]!.GetValue<string>());
        Assert.Equal(EmulatorHarness.ContactPhone, reply.Result["PHONE"]![0]!["VALUE"]!.GetValue<string>());
    }

    [Fact]
    public async Task DealGet_UnknownId_AnswersEmptyErrorCode()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("crm.deal.get", "id=12345");

        Assert.Equal(400, reply.Status);
        Assert.Equal(("", "Not found"), (reply.Error, reply.Description));
    }

    [Fact]
    public async Task SearchCrmEntities_AnswersContactsBeforeCompaniesWithTheResponsible()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("telephony.externalcall.searchCrmEntities", "PHONE_NUMBER=%2B49301234567");

        var hits = reply.Result!.AsArray();
        Assert.Equal(["CONTACT", "COMPANY"], hits.Select(x => x!["CRM_ENTITY_TYPE"]!.GetValue<string>()));
        Assert.Equal("101", hits[0]!["ASSIGNED_BY"]!["USER_PHONE_INNER"]!.GetValue<string>());
        Assert.Equal("OPENED", hits[0]!["ASSIGNED_BY"]!["TIMEMAN_STATUS"]!.GetValue<string>());
    }

    [Fact]
    public async Task UserGet_FiltersByExtension()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("user.get", "FILTER[UF_PHONE_INNER]=102&FILTER[ACTIVE]=true");

        Assert.Equal("24", Assert.Single(reply.Result!.AsArray())!["ID"]!.GetValue<string>());
        Assert.Equal(1, reply.Json["total"]!.GetValue<int>());
    }
}
