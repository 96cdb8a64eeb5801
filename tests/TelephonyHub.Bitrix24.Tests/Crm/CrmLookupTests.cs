using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.Crm;

public sealed class CrmLookupTests
{
    private const string Token = "s7p6-access-token";

    [Fact]
    public async Task FindByComm_WithNoHits_ParsesTheEmptyArrayAsNoMatches()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.FindByCommEmpty));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token),
            FindDuplicatesByCommunication.ByPhone("+4930123456", "+4930999"), CancellationToken.None);

        var form = Assert.Single(portal.Received).Form;
        Assert.Equal("PHONE", form.GetString("type"));
        Assert.Equal("+4930999", form.GetString("values", "1"));
        Assert.True(outcome.Value?.IsEmpty);
    }

    [Fact]
    public async Task FindByComm_WithHits_GroupsIdsByType()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.FindByCommHits));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token),
            FindDuplicatesByCommunication.ByPhone("+4930123456"), CancellationToken.None);

        Assert.Equal((1001149L, 2693L, 3013L),
            (Assert.Single(outcome.Value!.LeadIds), Assert.Single(outcome.Value.ContactIds), Assert.Single(outcome.Value.CompanyIds)));
    }

    [Fact]
    public void FindByComm_WithMoreThanTwentyValues_IsACallerBug()
    {
        var request = FindDuplicatesByCommunication.ByPhone([.. Enumerable.Range(0, 21).Select(i => "+49301234" + i)]);

        Assert.Throws<ArgumentException>(() => request.ToParameters());
    }

    [Fact]
    public async Task ContactGet_ReadsStringIdsAndPhones_AndTreatsZeroAsNone()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.ContactGet));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), new GetContact(797), CancellationToken.None);

        var sent = Assert.Single(portal.Received);
        Assert.Equal(("/rest/crm.contact.get", "797"), (sent.Path, sent.Form.GetString("id")));
        var contact = outcome.Value!;
        Assert.Equal((797L, 6L), (contact.Id, contact.AssignedById!.Value));
        Assert.Null(contact.CompanyId);
        Assert.Equal(new CrmPhone("+13333333555", "WORK"), Assert.Single(contact.Phones));
    }

    [Theory]
    [InlineData("Not found")]
    [InlineData("ID is not defined or invalid")]
    [InlineData("Access denied")]
    public async Task CrmGet_ErrorsWithAnEmptyCode_AreValidationErrors(string description)
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Error(400, "", description));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), new GetDeal(4), CancellationToken.None);

        Assert.Equal("/rest/crm.deal.get", Assert.Single(portal.Received).Path);
        Assert.Equal((Bitrix24ErrorKind.Validation, string.Empty, description), (outcome.Error!.Kind, outcome.Error.Code, outcome.Error.Description));
    }

    [Theory]
    [InlineData("lead", "crm.lead.get")]
    [InlineData("company", "crm.company.get")]
    public void CrmGet_FamilyUsesTheLegacyMethodNames(string kind, string method)
    {
        GetCrmEntity request = kind == "lead" ? new GetLead(1) : new GetCompany(1);

        Assert.Equal(method, request.Method);
    }

    [Fact]
    public async Task SearchCrmEntities_ReturnsMatchesWithTheResponsiblesExtension()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.SearchCrmEntities));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), new SearchCrmEntities("+4930123456"), CancellationToken.None);

        Assert.Equal("+4930123456", Assert.Single(portal.Received).Form.GetString("PHONE_NUMBER"));
        var matches = outcome.Value;
        Assert.Equal(2, matches.Length);
        Assert.Equal(("CONTACT", 797L, 6L, "Anna Schmidt"), (matches[0].EntityType, matches[0].EntityId, matches[0].AssignedById!.Value, matches[0].Name));
        Assert.Equal(("104", "OPENED", true), (matches[0].AssignedBy!.UserPhoneInner, matches[0].AssignedBy!.TimemanStatus, matches[0].AssignedBy!.MayBeWorking));
        Assert.Equal(("LEAD", 1203L, 8L), (matches[1].EntityType, matches[1].EntityId, matches[1].AssignedById!.Value));
        Assert.Null(matches[1].AssignedBy!.UserPhoneInner);
        Assert.False(matches[1].AssignedBy!.MayBeWorking);
    }

    [Fact]
    public async Task SearchCrmEntities_WithNoMatches_IsEmpty()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":[]}"""));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), new SearchCrmEntities("+4930123456"), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Empty(outcome.Value);
    }
}
