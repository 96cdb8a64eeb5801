using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TelephonyHub.Bitrix24.Apps;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Bitrix24.Tests.Serialization;

/// <summary>
/// The dispatch stores requests in its durable queue as <see cref="Bitrix24Request"/> and hands outcomes between
/// grains: every record must survive Orleans serialization with its concrete type and its wire parameters intact.
/// </summary>
public sealed class OrleansSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(Bitrix24Request).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static TheoryData<Bitrix24Request> Requests => new()
    {
        new RegisterExternalCall(12, "+4930123456", ExternalCallType.Incoming, new DateTimeOffset(2026, 3, 7, 10, 20, 30, TimeSpan.FromHours(3)),
            "pbx-1", Show: false, LineNumber: "7", CrmCreate: true, CrmSource: "CALL", CrmEntityType: "CONTACT", CrmEntityId: 797, CallListId: 3),
        new ShowExternalCall("externalCall.1", [11, 24]),
        new HideExternalCall(null, [11]),
        new FinishExternalCall("externalCall.1", 11, 64, CallStatusCode.Cancelled, AddToChat: true, Cost: 1.5m, CostCurrency: "EUR", FailedReason: "x", Vote: 4),
        AttachExternalCallRecord.FromUrl("externalCall.1", new Uri("https://pbx.example.com/r.mp3"), "r.mp3"),
        AttachExternalCallRecord.ForUpload("externalCall.1", "r.wav"),
        new SearchCrmEntities("+4930123456"),
        new AddExternalLine("7", "Office", true),
        new GetExternalLines(),
        new UpdateExternalLine("7", "New"),
        new DeleteExternalLine("7"),
        new BindEvent("ONEXTERNALCALLSTART", new Uri("https://hub.example.com/e"), 1, "online"),
        new UnbindEvent("ONEXTERNALCALLSTART", new Uri("https://hub.example.com/e")),
        new GetEventBindings(),
        new GetUsers(Bitrix24Filter.Empty.Where("UF_PHONE_INNER", "104").WhereAny("@ID", ["1", "2"]), ["ID"], 50, AdminMode: true),
        new IsCurrentUserAdmin(),
        new GetProfile(),
        new GetAppInfo(),
        FindDuplicatesByCommunication.ByPhone("+4930123456"),
        new GetLead(1),
        new GetContact(2),
        new GetCompany(3),
        new GetDeal(4),
        new ListDeals(Bitrix24Filter.Empty.WhereYesNo("CLOSED", false), ["ID"], [new Bitrix24Sort("ID", Bitrix24SortDirection.Descending)], 50),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void QueuedRequest_RoundTripsWithItsTypeAndParameters(Bitrix24Request request)
    {
        var copy = Serializer.Deserialize<Bitrix24Request>(Serializer.SerializeToArray(request));

        Assert.IsType(request.GetType(), copy);
        Assert.Equal(request.Method, copy.Method);
        if (request is ICallScopedRequest { CallId: null } pending)
        {
            Assert.Null(((ICallScopedRequest)copy).CallId);
            request = pending.WithCallId("externalCall.9");
            copy = ((ICallScopedRequest)copy).WithCallId("externalCall.9");
        }

        Assert.Equal(request.ToParameters().Pairs, copy.ToParameters().Pairs);
    }

    [Fact]
    public void Outcomes_RoundTripWithTypedValuesErrorsAndTiming()
    {
        var register = Bitrix24Outcome<RegisterExternalCallResult>.Success(
            new RegisterExternalCallResult("externalCall.1", 5, [new CrmEntityRef("LEAD", 5)], "LEAD", 5),
            new Bitrix24Timing { Operating = TimeSpan.FromSeconds(1.5), OperatingResetAt = DateTimeOffset.FromUnixTimeSeconds(1773131378) })
            with { MovedTo = new Uri("https://new.bitrix24.de/rest/") };
        var failed = Bitrix24Outcome<bool>.Failure(new Bitrix24Error { Kind = Bitrix24ErrorKind.QueryLimitExceeded, HttpStatus = 503, Code = "QUERY_LIMIT_EXCEEDED" });
        var batch = new Bitrix24BatchOutcome
        {
            Items =
            [
                new Bitrix24BatchItemOutcome { Key = "deals", Value = new CrmDealPage([new CrmEntity { Id = 41, Phones = [new CrmPhone("+1", "WORK")] }], 51, 50) },
                new Bitrix24BatchItemOutcome { Key = "hide", Error = new Bitrix24Error { Kind = Bitrix24ErrorKind.NotExecuted } },
            ],
        };

        var registerCopy = RoundTrip(register);
        var failedCopy = RoundTrip(failed);
        var batchCopy = RoundTrip(batch);

        Assert.Equal("externalCall.1", registerCopy.Value?.CallId);
        Assert.Equal(new CrmEntityRef("LEAD", 5), Assert.Single(registerCopy.Value!.CrmCreatedEntities));
        Assert.Equal(register.Timing, registerCopy.Timing);
        Assert.Equal(register.MovedTo, registerCopy.MovedTo);
        Assert.Equal(failed.Error, failedCopy.Error);
        Assert.Equal(41, Assert.Single(batchCopy.OutcomeOf<CrmDealPage>("deals").Value!.Deals).Id);
        Assert.Equal(Bitrix24ErrorKind.NotExecuted, batchCopy["hide"].Error?.Kind);
    }

    [Fact]
    public void ResultsTokensAndEvents_RoundTrip()
    {
        var finish = new FinishExternalCallResult
        {
            Id = 517,
            CallId = "externalCall.1",
            CallType = ExternalCallType.Incoming,
            Errors = ImmutableDictionary<string, string>.Empty.Add("ACTIVITY_CREATION", "failed"),
        };
        var tokens = new Bitrix24TokenSet
        {
            AccessToken = "a",
            RefreshToken = "r",
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1773134378),
            ClientEndpoint = new Uri("https://x.bitrix24.de/rest/"),
            MemberId = "m1",
            Scope = ["crm", "telephony"],
        };
        var start = ExternalCallStartEvent.From(Bitrix24EventParser.Parse(
            "event=ONEXTERNALCALLSTART&data[CALL_ID]=externalCall.1&data[USER_ID]=5&data[PHONE_NUMBER]=%2B4930"
            + "&auth[domain]=x.bitrix24.de&auth[member_id]=m1&auth[application_token]=t").Value!).Value!;

        Assert.Equal("failed", RoundTrip(finish).Errors["ACTIVITY_CREATION"]);
        Assert.Equal(("a", "r", "m1"), (RoundTrip(tokens).AccessToken, RoundTrip(tokens).RefreshToken, RoundTrip(tokens).MemberId));
        Assert.Equal(["crm", "telephony"], RoundTrip(tokens).Scope.ToArray());
        Assert.Equal(("externalCall.1", 5L, "t"), (RoundTrip(start).CallId, RoundTrip(start).UserId, RoundTrip(start).Auth.ApplicationToken));
        Assert.True(RoundTrip(new AppInfo { LicenseFamily = "ent", Installed = true }).IsEnterprise);
        Assert.Equal(6, RoundTrip(new Bitrix24User { Id = 6, Departments = [1] }).Id);
    }

    private static T RoundTrip<T>(T value)
        where T : notnull => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;
}
