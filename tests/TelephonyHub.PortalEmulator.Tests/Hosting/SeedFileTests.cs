using TelephonyHub.PortalEmulator.Hosting;

namespace TelephonyHub.PortalEmulator.Tests.Hosting;

/// <summary>The demo seed shipped with the emulator (what <c>dotnet run</c> loads) is valid and usable.</summary>
public sealed class SeedFileTests
{
    [Fact]
    public async Task DemoSeed_CreatesPortalsUsersCrmAndTheApp()
    {
        await using var server = await PortalEmulatorServer.StartAsync(new PortalEmulatorOptions { SeedFile = "seed.demo.json" });

        var portals = await server.Admin.ListPortalsAsync();
        var demo = await server.Admin.GetPortalAsync("demo.bitrix24.test");
        using var http = new HttpClient();
        var users = await http.GetStringAsync(new Uri(server.ClientEndpoint("demo.bitrix24.test"), "1/demowebhookcode0/user.get.json"));

        Assert.Equal(["bigcorp.bitrix24.test", "demo.bitrix24.test"], portals.Select(p => p.Domain));
        Assert.Equal(new Uri(server.BaseUri, "portals/demo.bitrix24.test/rest/"), portals[1].ClientEndpoint);
        Assert.Equal("d3m0d3m0d3m0d3m0d3m0d3m0d3m0d3m0", demo.MemberId);
        Assert.Equal("101", demo.User(11)!.Extension);
        Assert.Equal(4, demo.Crm.Count);
        Assert.Contains("\"UF_PHONE_INNER\":\"103\"", users);
        Assert.Equal(250, (await server.Admin.GetPortalAsync("bigcorp.bitrix24.test")).Limits.BucketSize);
    }
}
