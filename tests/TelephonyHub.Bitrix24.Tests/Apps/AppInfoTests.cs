using TelephonyHub.Bitrix24.Apps;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.Apps;

public sealed class AppInfoTests
{
    [Fact]
    public async Task AppInfo_TellsThePlanForTheRateLimit()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok(RecordedResponses.AppInfo));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, "token"), new GetAppInfo(), CancellationToken.None);

        Assert.Equal("/rest/app.info", Assert.Single(portal.Received).Path);
        var info = outcome.Value!;
        Assert.True(info.Installed);
        Assert.True(info.IsEnterprise);
        Assert.Equal(("P", false, "de_ent10000"), (info.Status, info.PaymentExpired, info.License));
        Assert.Null(info.Days);
    }
}
