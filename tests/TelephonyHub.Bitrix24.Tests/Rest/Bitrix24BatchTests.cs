using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.Rest;

public sealed class Bitrix24BatchTests
{
    private const string Token = "s7p6-access-token";

    [Fact]
    public async Task Batch_SendsEachCommandAsAnEncodedQueryString_WithBackReferencesIntact()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":{"result":{"reg1":{"CALL_ID":"externalCall.1","CRM_CREATED_ENTITIES":[]},"show1":true},"result_error":[],"result_total":[],"result_next":[],"result_time":[]}}"""));
        ICallScopedRequest show = new ShowExternalCall(null, [11, 24]);
        Bitrix24BatchCommand[] commands =
        [
            new("reg1", Bitrix24RestClientTests.NewRegister() with { Show = false }),
            new("show1", show.WithCallId(Bitrix24BatchReference.Result("reg1", "CALL_ID"))),
        ];

        var outcome = await host.Rest.BatchAsync(new(portal.ClientEndpoint, Token), commands, halt: true, CancellationToken.None);

        var sent = Assert.Single(portal.Received);
        Assert.Equal("/rest/batch", sent.Path);
        Assert.StartsWith(
            "halt=1&cmd%5Breg1%5D=telephony.externalcall.register%3FUSER_ID%3D1269%26PHONE_NUMBER%3D%252B4930123456%26TYPE%3D2",
            sent.Body,
            StringComparison.Ordinal);
        Assert.EndsWith(
            "&cmd%5Bshow1%5D=telephony.externalcall.show%3FCALL_ID%3D%24result%5Breg1%5D%5BCALL_ID%5D%26USER_ID%5B0%5D%3D11%26USER_ID%5B1%5D%3D24"
            + "&auth=" + Token,
            sent.Body,
            StringComparison.Ordinal);
        // What the portal's PHP sees after decoding the form once, then each command's query string once more.
        var inner = PhpFormDecoder.Decode(sent.Form.GetString("cmd", "show1")!.Split('?', 2)[1]);
        Assert.Equal("$result[reg1][CALL_ID]", inner.GetString("CALL_ID"));
        Assert.Equal("24", inner.GetString("USER_ID", "1"));
        var register = PhpFormDecoder.Decode(sent.Form.GetString("cmd", "reg1")!.Split('?', 2)[1]);
        Assert.Equal("+4930123456", register.GetString("PHONE_NUMBER"));
        Assert.Equal("0", register.GetString("SHOW"));
        Assert.True(outcome.IsSuccess);
        Assert.Equal("externalCall.1", outcome.OutcomeOf<RegisterExternalCallResult>("reg1").Value?.CallId);
        Assert.True(outcome.OutcomeOf<bool>("show1").Value);
    }

    [Fact]
    public async Task Batch_MapsResultsErrorsTotalsAndTimesBackToEachCommand()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""
            {"result":{
              "result":{"deals":[{"ID":"41","ASSIGNED_BY_ID":"9"}],"dups":[]},
              "result_error":{"lead":{"error":"","error_description":"Not found"}},
              "result_total":{"deals":"51"},
              "result_next":{"deals":50},
              "result_time":{"deals":{"start":1773130778.96,"finish":1773130779.12,"duration":0.16,"operating":3.5,"operating_reset_at":1773131378}}},
             "time":{"start":1773130778.9,"finish":1773130779.2}}
            """));
        Bitrix24BatchCommand[] commands =
        [
            new("deals", new ListDeals(Bitrix24Filter.Empty.Where("CONTACT_ID", 797))),
            new("lead", new GetLead(5)),
            new("dups", FindDuplicatesByCommunication.ByPhone("+4930123456")),
        ];

        var outcome = await host.Rest.BatchAsync(new(portal.ClientEndpoint, Token), commands, halt: false, CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(["deals", "lead", "dups"], outcome.Items.Select(i => i.Key));
        var deals = outcome.OutcomeOf<CrmDealPage>("deals");
        Assert.Equal(41, Assert.Single(deals.Value!.Deals).Id);
        Assert.Equal(51, deals.Value.Total);
        Assert.Equal(50, deals.Next);
        Assert.Equal(TimeSpan.FromSeconds(3.5), deals.Timing?.Operating);
        var lead = outcome.OutcomeOf<CrmEntity>("lead");
        Assert.Equal(Bitrix24ErrorKind.Validation, lead.Error?.Kind);
        Assert.Equal("Not found", lead.Error?.Description);
        Assert.True(outcome.OutcomeOf<DuplicateMatches>("dups").Value?.IsEmpty);
        Assert.NotNull(outcome.Timing?.Start);
    }

    [Fact]
    public async Task Batch_WithHalt_ReportsCommandsThatNeverRanAsNotExecuted()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""
            {"result":{"result":[],"result_error":{"finish":{"error":"","error_description":"Call is not found (call should be registered prior to finishing"}},
             "result_total":[],"result_next":[],"result_time":[]}}
            """));
        Bitrix24BatchCommand[] commands =
        [
            new("finish", new FinishExternalCall("externalCall.1", 11, 0, CallStatusCode.Missed, AddToChat: true)),
            new("hide", new HideExternalCall("externalCall.1", [24])),
        ];

        var outcome = await host.Rest.BatchAsync(new(portal.ClientEndpoint, Token), commands, halt: true, CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.Validation, outcome["finish"].Error?.Kind);
        Assert.Equal(Bitrix24ErrorKind.NotExecuted, outcome["hide"].Error?.Kind);
        Assert.True(outcome["hide"].Error?.IsTransient);
    }

    [Fact]
    public async Task Batch_WithNumericKeys_ReadsResultMapsThatPhpTurnedIntoLists()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":{"result":[true,false],"result_error":[],"result_total":[],"result_next":[],"result_time":[]}}"""));
        Bitrix24BatchCommand[] commands =
        [
            new("0", new ShowExternalCall("externalCall.1", [11])),
            new("1", new ShowExternalCall("externalCall.2", [11])),
        ];

        var outcome = await host.Rest.BatchAsync(new(portal.ClientEndpoint, Token), commands, halt: false, CancellationToken.None);

        Assert.True(outcome.OutcomeOf<bool>("0").Value);
        Assert.False(outcome.OutcomeOf<bool>("1").Value);
    }

    [Fact]
    public async Task Batch_ThatFailsAsAWhole_GivesEveryCommandTheSameError()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Error(401, "expired_token", "The access token provided has expired."));
        Bitrix24BatchCommand[] commands =
        [
            new("a", new ShowExternalCall("externalCall.1", [11])),
            new("b", new HideExternalCall("externalCall.1", [24])),
        ];

        var outcome = await host.Rest.BatchAsync(new(portal.ClientEndpoint, Token), commands, halt: false, CancellationToken.None);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(Bitrix24ErrorKind.ExpiredToken, outcome.Error.Kind);
        Assert.All(outcome.Items, item => Assert.Equal(Bitrix24ErrorKind.ExpiredToken, item.Error?.Kind));
        Assert.True(outcome.OutcomeOf<bool>("b").Error?.RequiresTokenRefresh);
    }

    [Fact]
    public async Task Batch_OfMoreThanFiftyCommands_IsACallerBug()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        var commands = Enumerable.Range(0, 51)
            .Select(i => new Bitrix24BatchCommand("c" + i, new ShowExternalCall("externalCall.1", [i])))
            .ToList();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Rest.BatchAsync(new(portal.ClientEndpoint, Token), commands, halt: false, CancellationToken.None));
        Assert.Empty(portal.Received);
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("bad[key]", "x")]
    [InlineData("", "x")]
    public async Task Batch_WithBadOrRepeatedKeys_IsACallerBug(string first, string second)
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        Bitrix24BatchCommand[] commands =
        [
            new(first, new ShowExternalCall("externalCall.1", [1])),
            new(second, new ShowExternalCall("externalCall.1", [2])),
        ];

        await Assert.ThrowsAsync<ArgumentException>(() =>
            host.Rest.BatchAsync(new(portal.ClientEndpoint, Token), commands, halt: false, CancellationToken.None));
    }
}
