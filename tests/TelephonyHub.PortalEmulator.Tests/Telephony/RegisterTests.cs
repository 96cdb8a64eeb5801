using TelephonyHub.PortalEmulator.Crm;

namespace TelephonyHub.PortalEmulator.Tests.Telephony;

/// <summary>Reference §5.1 (register: de-duplication window, CRM matching, errors) and §5.7 (auto-created lines).</summary>
public sealed class RegisterTests
{
    [Fact]
    public async Task SameKeyWithinThirtyMinutes_ReturnsTheSameCallId()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var first = await h.RegisterAsync(("LINE_NUMBER", "4930100"));

        h.Clock.Advance(TimeSpan.FromMinutes(29));
        var second = await h.RegisterAsync(("LINE_NUMBER", "4930100"), ("CRM_CREATE", "1"));

        Assert.Equal(first, second);
        Assert.Single(h.Portal.Snapshot.ActiveCalls);
    }

    [Fact]
    public async Task SameKeyAfterThirtyMinutes_RegistersANewCall()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var first = await h.RegisterAsync();

        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var second = await h.RegisterAsync();

        Assert.NotEqual(first, second);
        Assert.Equal(2, h.Portal.Snapshot.ActiveCalls.Count);
    }

    [Fact]
    public async Task DifferentExternalCallId_RegistersASeparateCall()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var first = await h.RegisterAsync(("EXTERNAL_CALL_ID", "pbx-1"));
        var second = await h.RegisterAsync(("EXTERNAL_CALL_ID", "pbx-2"));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task FinishedCall_IsNotReusedByDeduplication()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var first = await h.RegisterAsync();
        await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", first), ("USER_ID", "11"));

        var second = await h.RegisterAsync();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Register_ReturnsCallIdFormatAndShowsCard()
    {
        // Reference §5.0: CALL_ID = externalCall.{md5}.{unix}.
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("telephony.externalcall.register", ("USER_PHONE_INNER", "102"), ("PHONE_NUMBER", "+1 (555) 010-0999"), ("TYPE", "2"));

        var callId = reply.Result!["CALL_ID"]!.GetValue<string>();
        Assert.Matches($@"^externalCall\.[0-9a-f]{{32}}\.{h.Clock.GetUtcNow().ToUnixTimeSeconds()}$", callId);
        Assert.Equal("", reply.Result["CRM_ENTITY_TYPE"]!.GetValue<string>());
        Assert.Null(reply.Result["CRM_ENTITY_ID"]);
        Assert.Null(reply.Result["CRM_CREATED_LEAD"]);
        Assert.Empty(reply.Result["CRM_CREATED_ENTITIES"]!.AsArray());
        Assert.Equal([callId], h.Portal.Snapshot.CardsOf(24));
    }

    [Fact]
    public async Task KnownNumber_BindsTheContactFirst()
    {
        // Reference §5.6 order: contacts, then leads, then companies.
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("telephony.externalcall.register", ("USER_ID", "11"), ("PHONE_NUMBER", "4930 1234567"), ("TYPE", "2"), ("SHOW", "0"));

        Assert.Equal("CONTACT", reply.Result!["CRM_ENTITY_TYPE"]!.GetValue<string>());
        Assert.Equal(797, reply.Result["CRM_ENTITY_ID"]!.GetValue<int>());
        Assert.Empty(h.Portal.Snapshot.Cards);
    }

    [Fact]
    public async Task UnknownNumberWithCrmCreate_CreatesALeadThatFinishHandsToTheFinishingUser()
    {
        // Reference §5.1 CRM_CREATE, §5.3: the finishing user becomes ASSIGNED_BY_ID of auto-created entities.
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("telephony.externalcall.register", ("USER_ID", "11"), ("PHONE_NUMBER", "+4989000111"), ("TYPE", "2"), ("CRM_CREATE", "1"));
        var leadId = reply.Result!["CRM_CREATED_LEAD"]!.GetValue<int>();
        await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", reply.Result["CALL_ID"]!.GetValue<string>()), ("USER_ID", "24"), ("DURATION", "5"));

        Assert.Equal("LEAD", reply.Result["CRM_CREATED_ENTITIES"]![0]!["ENTITY_TYPE"]!.GetValue<string>());
        var lead = h.Portal.Snapshot.CrmEntity(CrmEntityType.Lead, leadId)!;
        Assert.Equal(24, lead.AssignedById);
        Assert.Equal("24", (await h.GetAsync("crm.lead.get", $"id={leadId}")).Result!["ASSIGNED_BY_ID"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownLineNumber_BecomesALineOfTheApp()
    {
        await using var h = await EmulatorHarness.StartAsync();

        await h.RegisterAsync(("LINE_NUMBER", " 4930555 "));
        var lines = await h.GetAsync("telephony.externalline.get");

        Assert.Equal("4930555", lines.Result![0]!["NUMBER"]!.GetValue<string>());
        Assert.Equal("Y", lines.Result[0]!["CRM_AUTO_CREATE"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("PHONE_NUMBER=123&TYPE=2", "USER_ID or USER_PHONE_INNER should be set")]
    [InlineData("USER_PHONE_INNER=999&PHONE_NUMBER=123&TYPE=2", "USER_ID or USER_PHONE_INNER should be set")]
    [InlineData("USER_ID=11&PHONE_NUMBER=123&TYPE=9", "Unknown TYPE")]
    [InlineData("USER_ID=11&PHONE_NUMBER=123&TYPE=2&CALL_START_DATE=yesterday", "CALL_START_DATE should be in the ISO-8601 format")]
    [InlineData("USER_ID=11&PHONE_NUMBER=abc&TYPE=2", "Unsupported phone number format")]
    [InlineData("USER_ID=31&PHONE_NUMBER=123&TYPE=2", "User is not found or is not active")]
    public async Task InvalidRegister_AnswersHttp400WithEmptyErrorCode(string query, string description)
    {
        // Reference §5.0/§5.1: RestException → HTTP 400, error "" on the wire, checks in the server's order.
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("telephony.externalcall.register", query);

        Assert.Equal(400, reply.Status);
        Assert.Equal("", reply.Error);
        Assert.Equal(description, reply.Description);
        Assert.Empty(h.Portal.Snapshot.ActiveCalls);
    }

    [Fact]
    public async Task DocsFlavour_AnswersErrorCoreForValidationErrors()
    {
        // Reference open question 1: the docs say ERROR_CORE; the emulator can answer that way too.
        await using var h = await EmulatorHarness.StartAsync(telephonyErrorCode: "ERROR_CORE");

        var reply = await h.GetAsync("telephony.externalcall.register", "USER_ID=11&PHONE_NUMBER=123&TYPE=9");

        Assert.Equal((400, "ERROR_CORE", "Unknown TYPE"), (reply.Status, reply.Error, reply.Description));
    }
}
