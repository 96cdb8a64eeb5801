using System.Net;
using Grpc.Core;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Portals;

/// <summary>Install, token expiry, update and forged lifecycle events, as a portal and its PBX see them.</summary>
public sealed class AppLifecycleTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task Install_BindsTheEventsRegistersTheLineAndSyncsUsers()
    {
        var portal = await World.CreatePortalAsync();

        var snapshot = await World.WaitForAsync(portal, p => p.EventBindings.Count == 4 && p.Lines.Count == 1, "events bound and line added");
        var handler = new Uri(World.Settings.HttpAddress, "bitrix24/events").AbsoluteUri;
        Assert.Equal(["ONAPPUNINSTALL", "ONAPPUPDATE", "ONEXTERNALCALLBACKSTART", "ONEXTERNALCALLSTART"],
            snapshot.EventBindings.Select(b => b.Event).Order());
        Assert.All(snapshot.EventBindings, b => Assert.Equal(handler, b.Handler));
        var line = Assert.Single(snapshot.Lines);
        Assert.Equal(("1", "TelephonyHub"), (line.Number, line.Name));
        var (_, page) = await World.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        foreach (var extension in TestUsers.Extensions)
        {
            Assert.Contains($"<tr><td>{extension.Value}</td><td>{extension.Key}</td>", page);
        }
    }

    [Fact]
    public async Task ExpiredTokens_AreRefreshedOnce_AndTheRotatedRefreshTokenKeepsWorking()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        var logMark = World.Hub.Logs.Count;

        for (var round = 1; round <= 2; round++)
        {
            await World.Emulator.Admin.ExpireTokensAsync(portal.MemberId);
            for (var i = 0; i < 5; i++)
            {
                await pbx.SendAsync(World.Events.InboundCall($"expiry-{round}-{i}", "+4930123123", "101"));
            }

            await World.WaitForAsync(portal, p => p.ActiveCalls.Count == round * 5, $"round {round}: all five calls registered");
        }

        var refreshes = World.Hub.Logs.Snapshot().Skip(logMark).Count(l => l.Contains($"Portal {portal.MemberId}: tokens refreshed", StringComparison.Ordinal));
        Assert.Equal(2, refreshes);
    }

    [Fact]
    public async Task AppUpdate_BindsTheEventsAgain()
    {
        var portal = await World.CreatePortalAsync();
        await World.WaitForAsync(portal, p => p.EventBindings.Count == 4, "events bound at install");
        var bindsBefore = World.Emulator.Snapshot(portal.MemberId).RequestsFor("event.bind").Count;

        using var response = await PostEventAsync(portal, "ONAPPUPDATE", World.Emulator.Snapshot(portal.MemberId).Installation(World.Settings.ClientId)!.ApplicationToken,
            ("data[VERSION]", "2"), ("data[PREVIOUS_VERSION]", "1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await World.WaitForAsync(portal, p => p.RequestsFor("event.bind").Count == bindsBefore + 4, "events bound again after the update");
    }

    [Fact]
    public async Task EventOfOnePortalSignedWithAnothersToken_IsRejected_AndChangesNothing()
    {
        var victim = await World.CreatePortalAsync();
        var attacker = await World.CreatePortalAsync();
        var attackersToken = World.Emulator.Snapshot(attacker.MemberId).Installation(World.Settings.ClientId)!.ApplicationToken;

        using var forged = await PostEventAsync(victim, "ONAPPUNINSTALL", attackersToken, ("data[CLEAN]", "1"));
        using var unknown = await PostEventAsync(victim with { MemberId = "0123456789abcdef0123456789abcdef" }, "ONAPPUNINSTALL", attackersToken);

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        await using var pbx = await World.ConnectPbxAsync(victim); // the victim's key still works: nothing was uninstalled
        Assert.Equal(EventAckStatus.Applied, (await pbx.SendAsync(World.Events.InboundCall("still-here", "+4930321321", "101"))).Status);
    }

    [Fact]
    public async Task Uninstall_RevokesThePbxKeyAtOnce_AndClosesItsStream()
    {
        var portal = await World.CreatePortalAsync();
        var pbx = await World.ConnectPbxAsync(portal);

        await World.Emulator.Admin.UninstallAppAsync(portal.MemberId, World.Settings.ClientId);
        await pbx.Ended.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(StatusCode.Unauthenticated, pbx.EndedWith?.StatusCode);
        var again = await Assert.ThrowsAsync<RpcException>(() => World.ConnectPbxAsync(portal));
        Assert.Equal(StatusCode.Unauthenticated, again.StatusCode);
        await pbx.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostEventAsync(TestPortal portal, string eventCode, string applicationToken, params (string Name, string Value)[] data)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("event", eventCode),
            new("event_handler_id", "7"),
            new("ts", World.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("auth[domain]", portal.Domain),
            new("auth[client_endpoint]", $"https://{portal.Domain}/rest/"),
            new("auth[server_endpoint]", "https://oauth.bitrix.info/rest/"),
            new("auth[member_id]", portal.MemberId),
            new("auth[application_token]", applicationToken),
        };
        fields.AddRange(data.Select(d => new KeyValuePair<string, string>(d.Name, d.Value)));
        return await World.Http.PostAsync("bitrix24/events", new FormUrlEncodedContent(fields));
    }
}
