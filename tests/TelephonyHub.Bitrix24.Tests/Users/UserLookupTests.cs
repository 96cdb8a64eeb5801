using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Tests.Fakes;
using TelephonyHub.Bitrix24.Users;

namespace TelephonyHub.Bitrix24.Tests.Users;

public sealed class UserLookupTests
{
    private const string Token = "s7p6-access-token";

    [Fact]
    public async Task UserGet_ByExtension_FiltersAndReadsTolerantFields()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.UserGet));
        var request = new GetUsers(Bitrix24Filter.Empty.Where("UF_PHONE_INNER", "104").Where("ACTIVE", "true"), ["ID", "ACTIVE", "UF_PHONE_INNER"]);

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), request, CancellationToken.None);

        Assert.Equal(
            "FILTER%5BUF_PHONE_INNER%5D=104&FILTER%5BACTIVE%5D=true&select%5B0%5D=ID&select%5B1%5D=ACTIVE&select%5B2%5D=UF_PHONE_INNER&auth=" + Token,
            Assert.Single(portal.Received).Body);
        var user = Assert.Single(outcome.Value!.Users);
        Assert.Equal((6L, true, true, "104"), (user.Id, user.Active, user.IsOnline, user.PhoneInner));
        Assert.Equal([1L, 5L], user.Departments.ToArray());
        Assert.Equal(1, outcome.Value.Total);
        Assert.Null(outcome.Value.Next);
    }

    [Fact]
    public async Task UserAdminAndProfile_ReadTheCurrentUser()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerByMethod(new Dictionary<string, Reply>
        {
            ["user.admin"] = Reply.Ok("""{"result":true}"""),
            ["profile"] = Reply.Ok("""{"result":{"ID":"1","ADMIN":true,"NAME":"Eva","LAST_NAME":"Roth","TIME_ZONE":"Europe/Berlin"}}"""),
        });
        var connection = new Bitrix24Connection(portal.ClientEndpoint, Token);

        var admin = await host.Rest.CallAsync(connection, new IsCurrentUserAdmin(), CancellationToken.None);
        var profile = await host.Rest.CallAsync(connection, new GetProfile(), CancellationToken.None);

        Assert.True(admin.Value);
        Assert.Equal(new Bitrix24Profile(1, true, "Eva", "Roth", "Europe/Berlin"), profile.Value);
        Assert.Equal("auth=" + Token, portal.Received[1].Body);
    }
}
