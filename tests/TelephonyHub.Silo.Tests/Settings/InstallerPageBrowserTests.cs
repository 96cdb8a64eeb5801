using System.Globalization;
using Microsoft.Playwright;
using TelephonyHub.PortalEmulator.Admin;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Browser;
using TelephonyHub.Testing.World;
using Xunit.Abstractions;

namespace TelephonyHub.Silo.Tests.Settings;

/// <summary>
/// Installing from the portal's UI (reference §3.2 flow B): the admin opens the hub's installer page in the Bitrix24
/// frame; the hub installs the portal and calls <c>BX24.installFinish()</c>; only then does the portal count the app
/// as installed. In a real headless Chromium against the emulator's portal page and BX24 library.
/// </summary>
public sealed class InstallerPageBrowserTests(EmbeddedHubFixture fixture, ITestOutputHelper output) : IClassFixture<EmbeddedHubFixture>
{
    private const float Timeout = 15_000;

    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task AdminInstallsFromThePortal_TheHubBindsItsEventsAndLine_AndFinishesTheInstallInTheFrame()
    {
        var portal = await NewPortalAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync(PortalPageUrl(portal.Domain, TestUsers.Admin));
        await page.Locator("a.install-app").ClickAsync();

        await Assertions.Expect(page.FrameLocator("#app-frame").Locator("#install-result")).ToContainTextAsync("TelephonyHub is installed on this portal");
        await Assertions.Expect(page.Locator("#install-status")).ToHaveTextAsync("Installed.");
        output.WriteLine($"Screenshot: {await HeadlessChromium.ScreenshotAsync(page, "installer-page.png")}");

        var installed = await World.WaitForAsync(portal, p => p.Installation(World.Settings.ClientId) is { Finished: true } && p.Lines.Count == 1 && p.EventBindings.Count == 4,
            "the app installed, its line registered and its four events bound");
        var events = new Uri(World.Settings.HttpAddress, "bitrix24/events").AbsoluteUri;
        Assert.Equal(["ONAPPUNINSTALL", "ONAPPUPDATE", "ONEXTERNALCALLBACKSTART", "ONEXTERNALCALLSTART"], installed.EventBindings.Select(b => b.Event).Order(StringComparer.Ordinal));
        Assert.All(installed.EventBindings, b => Assert.Equal(events, b.Handler));
        Assert.Equal(TestUsers.Admin, installed.Installation(World.Settings.ClientId)!.InstalledBy);

        // Installed for real: the admin can open the settings page at once.
        await page.GotoAsync(new Uri(World.Emulator.BaseUri, $"portals/{portal.Domain}/apps/{World.Settings.ClientId}/open?user={TestUsers.Admin}").AbsoluteUri);
        await Assertions.Expect(page.FrameLocator("#app-frame").Locator("#app-state")).ToHaveTextAsync("Installed");
    }

    [Fact]
    public async Task UserWhoIsNotAnAdmin_PostingTheirFrameToTheInstaller_IsRefused_AndNothingIsInstalled()
    {
        var portal = await NewPortalAsync();
        await World.Emulator.Admin.InstallAppAsync(portal.MemberId, World.Settings.ClientId, new InstallRequest(SendEvent: false));
        var boris = await World.Emulator.Admin.IssueTokensAsync(portal.MemberId, World.Settings.ClientId, TestUsers.Boris);

        using var response = await PostInstallerAsync(portal, boris.AccessToken, boris.RefreshToken);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Only an administrator of this portal can install TelephonyHub.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("installFinish", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = World.Emulator.Snapshot(portal.MemberId);
        Assert.Empty(after.EventBindings);
        Assert.Empty(after.Lines);
    }

    [Fact]
    public async Task ForgedInstallerFrame_IsRefused_BeforeAnythingIsStored()
    {
        var portal = await NewPortalAsync();

        using var response = await PostInstallerAsync(portal, "forged-access-token", "forged-refresh-token");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bitrix24 did not confirm this install.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(World.Emulator.Snapshot(portal.MemberId).Requests);
    }

    private async Task<TestPortal> NewPortalAsync()
    {
        var memberId = System.Security.Cryptography.RandomNumberGenerator.GetHexString(32, lowercase: true);
        var domain = $"i{memberId[..8]}.bitrix24.test";
        await World.Emulator.Admin.CreatePortalAsync(new PortalDefinition(domain) { MemberId = memberId, Region = "DE", Users = [.. TestUsers.All()] });
        return new TestPortal(memberId, domain, ApiKey: "");
    }

    private async Task<HttpResponseMessage> PostInstallerAsync(TestPortal portal, string accessToken, string refreshToken)
    {
        var url = new Uri(World.Settings.HttpAddress, $"bitrix24/installer?DOMAIN={portal.Domain}&PROTOCOL=0&LANG=en&APP_SID=0123456789abcdef");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["AUTH_ID"] = accessToken,
            ["AUTH_EXPIRES"] = "3600",
            ["REFRESH_ID"] = refreshToken,
            ["member_id"] = portal.MemberId,
            ["status"] = "F",
            ["PLACEMENT"] = "DEFAULT",
            ["PLACEMENT_OPTIONS"] = "{}",
            ["APPLICATION_TOKEN"] = "0123456789abcdef0123456789abcdef",
        });
        return await World.Http.PostAsync(url, form);
    }

    private string PortalPageUrl(string domain, int user) =>
        new Uri(World.Emulator.BaseUri, $"portals/{domain}/?as={user.ToString(CultureInfo.InvariantCulture)}").AbsoluteUri;
}
