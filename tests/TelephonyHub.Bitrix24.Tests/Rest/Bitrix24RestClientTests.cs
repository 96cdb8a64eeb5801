using System.Globalization;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.Rest;

public sealed class Bitrix24RestClientTests
{
    private const string Token = "s7p6-access-token";

    [Fact]
    public async Task Register_PostsTheReferenceFieldsAsAFormWithAuth()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.Register));
        var request = new RegisterExternalCall(
            UserId: 1269,
            PhoneNumber: "+4930123456",
            Type: ExternalCallType.Incoming,
            CallStartDate: new DateTimeOffset(2026, 3, 7, 10, 20, 30, TimeSpan.FromHours(3)),
            ExternalCallId: "pbx-leg-1",
            Show: false,
            LineNumber: "+4930555000",
            CrmCreate: true);

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), request, CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error?.Description);
        var sent = Assert.Single(portal.Received);
        Assert.Equal("POST", sent.HttpMethod);
        Assert.Equal("/rest/telephony.externalcall.register", sent.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", sent.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("USER_ID", "1269"), ("PHONE_NUMBER", "+4930123456"), ("TYPE", "2"),
                ("CALL_START_DATE", "2026-03-07T10:20:30+03:00"), ("CRM_CREATE", "1"), ("SHOW", "0"),
                ("LINE_NUMBER", "+4930555000"), ("EXTERNAL_CALL_ID", "pbx-leg-1"), ("auth", Token),
            ],
            sent.Form.Flatten().Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task Register_ReturnsTheCallIdAndPrimaryCrmEntity_WithTheTimeBlock()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.Register));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("externalCall.716f1cb73def9700a23842adf9c4c568.1773130779", outcome.Value.CallId);
        Assert.Null(outcome.Value.CrmCreatedLead);
        Assert.Empty(outcome.Value.CrmCreatedEntities);
        Assert.Equal(new CrmEntityRef("CONTACT", 797), outcome.Value.PrimaryEntity);
        Assert.NotNull(outcome.Timing);
        Assert.Equal(TimeSpan.FromSeconds(0.22), outcome.Timing.Operating);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773131378), outcome.Timing.OperatingResetAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1773130778960), outcome.Timing.Start);
        Assert.Equal(TimeSpan.FromSeconds(0.16), outcome.Timing.Duration);
    }

    [Fact]
    public async Task Register_ReportsAnAutoCreatedLead()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.RegisterWithCreatedLead));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(1203, outcome.Value.CrmCreatedLead);
        Assert.Equal(new CrmEntityRef("LEAD", 1203), Assert.Single(outcome.Value.CrmCreatedEntities));
    }

    [Fact]
    public void Register_WithoutExternalCallId_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RegisterExternalCall(
            1, "+4930123456", ExternalCallType.Incoming, DateTimeOffset.UnixEpoch, ExternalCallId: " ", Show: true));

        Assert.Contains("EXTERNAL_CALL_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndpointWithoutTrailingSlash_StillAddressesTheMethodUnderRest()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.Register));
        var endpoint = new Uri(portal.ClientEndpoint.AbsoluteUri.TrimEnd('/'));

        var outcome = await host.Rest.CallAsync(new(endpoint, Token), NewRegister(), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.Equal("/rest/telephony.externalcall.register", Assert.Single(portal.Received).Path);
    }

    [Fact]
    public void LoggableRecords_MaskTheCustomerNumberAndHideTokens()
    {
        Assert.Contains("+49******56", NewRegister().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4930123456", NewRegister().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4930123456", new SearchCrmEntities("+4930123456").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4930123456", FindDuplicatesByCommunication.ByPhone("+4930123456").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, new Bitrix24Connection(new Uri("https://x.bitrix24.de/rest/"), Token).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_SendsUserIdsAsAnIndexedList_EvenForOneUser()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":true}"""));
        var connection = new Bitrix24Connection(portal.ClientEndpoint, Token);

        var many = await host.Rest.CallAsync(connection, new ShowExternalCall("externalCall.1", [11, 24, 31]), CancellationToken.None);
        var one = await host.Rest.CallAsync(connection, new HideExternalCall("externalCall.1", [11]), CancellationToken.None);

        Assert.True(many.Value);
        Assert.True(one.Value);
        Assert.Equal("CALL_ID=externalCall.1&USER_ID%5B0%5D=11&USER_ID%5B1%5D=24&USER_ID%5B2%5D=31&auth=" + Token, portal.Received[0].Body);
        Assert.Equal("/rest/telephony.externalcall.hide", portal.Received[1].Path);
        Assert.Equal("11", portal.Received[1].Form.GetString("USER_ID", "0"));
    }

    [Fact]
    public async Task Show_OfAFinishedCall_IsFalseNotAnError()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":false}"""));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), new ShowExternalCall("externalCall.gone", [11]), CancellationToken.None);

        Assert.True(outcome.IsSuccess);
        Assert.False(outcome.Value);
    }

    [Fact]
    public async Task Show_WithoutCallId_IsACallerBug()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.Rest.CallAsync(new(portal.ClientEndpoint, Token), new ShowExternalCall(null, [11]), CancellationToken.None));
        Assert.Empty(portal.Received);
    }

    [Fact]
    public async Task Finish_AlwaysSendsAddToChat_AndParsesTheStatisticsRow()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.Finish));
        ICallScopedRequest pending = new FinishExternalCall(null, 1269, 64, CallStatusCode.Success, AddToChat: false, Cost: 0.12m, CostCurrency: "EUR");
        var finish = (FinishExternalCall)pending.WithCallId("externalCall.716f1cb73def9700a23842adf9c4c568.1773130779");

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), finish, CancellationToken.None);

        var form = Assert.Single(portal.Received).Form;
        Assert.Equal("0", form.GetString("ADD_TO_CHAT"));
        Assert.Equal("64", form.GetString("DURATION"));
        Assert.Equal("200", form.GetString("STATUS_CODE"));
        Assert.Equal("0.12", form.GetString("COST"));
        Assert.Null(form.GetString("VOTE"));
        Assert.True(outcome.IsSuccess, outcome.Error?.Description);
        var row = outcome.Value;
        Assert.Equal(517, row.Id);
        Assert.Equal(ExternalCallType.Incoming, row.CallType);
        Assert.Equal(64, row.DurationSeconds);
        Assert.True(row.Answered);
        Assert.Equal(3301, row.CrmActivityId);
        Assert.Equal("CONTACT", row.CrmEntityType);
        Assert.Equal(797, row.CrmEntityId);
        Assert.Equal("Could not create the activity", row.Errors["ACTIVITY_CREATION"]);
    }

    [Fact]
    public async Task DealList_EncodesNestedFilterSelectAndOrder_AndReturnsThePage()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.DealList));
        var request = new ListDeals(
            Bitrix24Filter.Empty.Where("CONTACT_ID", 797).WhereYesNo("CLOSED", false).WhereAny("@CATEGORY_ID", ["0", "3"]),
            ["ID", "ASSIGNED_BY_ID"],
            [new Bitrix24Sort("DATE_MODIFY", Bitrix24SortDirection.Descending)]);

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), request, CancellationToken.None);

        Assert.Equal(
            "order%5BDATE_MODIFY%5D=DESC&filter%5BCONTACT_ID%5D=797&filter%5BCLOSED%5D=N"
            + "&filter%5B%40CATEGORY_ID%5D%5B0%5D=0&filter%5B%40CATEGORY_ID%5D%5B1%5D=3"
            + "&select%5B0%5D=ID&select%5B1%5D=ASSIGNED_BY_ID&auth=" + Token,
            Assert.Single(portal.Received).Body);
        Assert.True(outcome.IsSuccess);
        var deal = Assert.Single(outcome.Value.Deals);
        Assert.Equal(41, deal.Id);
        Assert.Equal(9, deal.AssignedById);
        Assert.Null(deal.CompanyId);
        Assert.True(deal.IsOpenDeal);
        Assert.Equal(51, outcome.Value.Total);
        Assert.Equal(50, outcome.Value.Next);
        Assert.Equal(50, outcome.Next);
    }

    [Theory]
    [MemberData(nameof(ErrorCases.All), MemberType = typeof(ErrorCases))]
    public async Task ErrorEnvelope_BecomesATypedError(int status, string code, string description, Bitrix24ErrorKind kind)
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Error(status, code, description));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.False(outcome.IsSuccess);
        Assert.Equal(kind, outcome.Error.Kind);
        Assert.Equal(status, outcome.Error.HttpStatus);
        Assert.Equal(code, outcome.Error.Code);
        Assert.Equal(description, outcome.Error.Description);
    }

    [Theory]
    [InlineData(Bitrix24ErrorKind.ExpiredToken, false, false, true)]
    [InlineData(Bitrix24ErrorKind.QueryLimitExceeded, true, false, false)]
    [InlineData(Bitrix24ErrorKind.OperationTimeLimit, true, false, false)]
    [InlineData(Bitrix24ErrorKind.Transient, true, false, false)]
    [InlineData(Bitrix24ErrorKind.NotExecuted, true, false, false)]
    [InlineData(Bitrix24ErrorKind.Validation, false, true, false)]
    [InlineData(Bitrix24ErrorKind.InvalidToken, false, true, false)]
    [InlineData(Bitrix24ErrorKind.AppRevoked, false, true, false)]
    public void ErrorKinds_TellTheDispatchWhetherToRetry(Bitrix24ErrorKind kind, bool transient, bool permanent, bool refresh)
    {
        var error = new Bitrix24Error { Kind = kind };

        Assert.Equal((transient, permanent, refresh), (error.IsTransient, error.IsPermanent, error.RequiresTokenRefresh));
    }

    [Fact]
    public async Task OperationTimeLimit_CarriesWhenTheMethodFreesUp()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(new Reply(429, """
            {"error":"OPERATION_TIME_LIMIT","error_description":"Method is blocked due to operation time limit.",
             "time":{"start":1773130778.96,"finish":1773130779.12,"operating_reset_at":1773131378,"operating":480.4}}
            """));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.OperationTimeLimit, outcome.Error?.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773131378), outcome.Error?.OperatingResetAt);
        Assert.Equal(TimeSpan.FromSeconds(480.4), outcome.Timing?.Operating);
    }

    [Fact]
    public async Task QueryLimit_CarriesRetryAfter_WhenThePortalSendsIt()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Error(503, "QUERY_LIMIT_EXCEEDED", "Too many requests") with
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "2" },
        });

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.QueryLimitExceeded, outcome.Error?.Kind);
        Assert.True(outcome.Error?.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(2), outcome.Error?.RetryAfter);
    }

    [Fact]
    public async Task HtmlErrorPage_IsTransient()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(new Reply(502, "<html><body>Bad Gateway</body></html>"));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.Transient, outcome.Error?.Kind);
        Assert.Equal(502, outcome.Error?.HttpStatus);
    }

    [Fact]
    public async Task ResultOfTheWrongShape_IsAnUnexpectedResponse()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":{"CRM_ENTITY_TYPE":"CONTACT"}}"""));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.UnexpectedResponse, outcome.Error?.Kind);
        Assert.Contains("CALL_ID", outcome.Error?.Description, StringComparison.Ordinal);
        Assert.True(outcome.Error?.IsPermanent);
    }

    [Fact]
    public async Task UnreachablePortal_IsATransientErrorNotAnException()
    {
        Uri deadEndpoint;
        await using (var gone = await LoopbackServer.StartAsync())
        {
            deadEndpoint = gone.ClientEndpoint;
        }

        using var host = ClientHost.Create();

        var outcome = await host.Rest.CallAsync(new(deadEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.Transient, outcome.Error?.Kind);
        Assert.Null(outcome.Error?.HttpStatus);
        Assert.DoesNotContain(Token, outcome.Error?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SilentPortal_TimesOutOnTheInjectedClock_AsATransientError()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.Responder = async (_, cancellation) =>
        {
            var never = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (cancellation.Register(() => never.TrySetCanceled(cancellation)))
            {
                return await never.Task;
            }
        };

        var call = host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);
        await Expectation.Expect(portal.FirstRequest, "the portal to receive the register");
        host.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(call.IsCompleted, "the call gave up before the 60 s request timeout");
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await Expectation.Expect(call, "the register to time out after 60 s on the fake clock");

        Assert.Equal(Bitrix24ErrorKind.Transient, outcome.Error?.Kind);
        Assert.Contains("60", outcome.Error?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellation_Throws()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), cancelled.Token));
    }

    [Fact]
    public async Task MovedPortal_IsFollowedByRePostingTheForm_AndTheNewEndpointIsReported()
    {
        await using var oldPortal = await LoopbackServer.StartAsync();
        await using var newPortal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        oldPortal.Responder = (request, _) => Task.FromResult(new Reply(302, string.Empty, new Dictionary<string, string>
        {
            ["Location"] = new Uri(newPortal.ClientEndpoint, request.RestMethod).AbsoluteUri,
        }));
        newPortal.AnswerAll(Reply.Ok(RecordedResponses.Register));

        var outcome = await host.Rest.CallAsync(new(oldPortal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.True(outcome.IsSuccess, outcome.Error?.Description);
        Assert.Equal(newPortal.ClientEndpoint, outcome.MovedTo);
        var reposted = Assert.Single(newPortal.Received);
        Assert.Equal("POST", reposted.HttpMethod);
        Assert.Equal("/rest/telephony.externalcall.register", reposted.Path);
        Assert.Equal(Assert.Single(oldPortal.Received).Body, reposted.Body);
    }

    [Fact]
    public async Task RedirectLoop_StopsAfterTheConfiguredHops()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create(overrides: new Dictionary<string, string?> { ["Bitrix24:MaxRedirects"] = "2" });
        portal.Responder = (request, _) => Task.FromResult(new Reply(302, string.Empty, new Dictionary<string, string>
        {
            ["Location"] = request.Path,
        }));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), NewRegister(), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.Transient, outcome.Error?.Kind);
        Assert.Equal(3, portal.Received.Count);
    }

    internal static RegisterExternalCall NewRegister() => new(
        1269,
        "+4930123456",
        ExternalCallType.Incoming,
        DateTimeOffset.Parse("2026-03-07T10:20:30+03:00", CultureInfo.InvariantCulture),
        ExternalCallId: "pbx-leg-1",
        Show: true);
}
