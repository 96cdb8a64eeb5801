using Microsoft.Playwright;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Browser;
using TelephonyHub.Testing.World;
using Xunit.Abstractions;

namespace TelephonyHub.Silo.Tests.Settings;

/// <summary>
/// The settings page the way an admin meets it: opened inside the portal (the emulator's app frame, reference §3.2),
/// in a real headless Chromium. Screenshots go to the test output's screenshots/ folder.
/// </summary>
public sealed class SettingsPageBrowserTests(EmbeddedHubFixture fixture, ITestOutputHelper output) : IClassFixture<EmbeddedHubFixture>
{
    private const float Timeout = 15_000;

    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task Admin_IssuesAKey_MapsAnExtension_AndSetsCallRecords_InsideTheBitrix24Frame()
    {
        var portal = await World.CreatePortalAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (page, app) = await OpenAppAsync(chromium, portal, TestUsers.Admin);
        await Assertions.Expect(app.Locator("#app-state")).ToHaveTextAsync("Installed");

        await app.Locator("#label").FillAsync("asterisk-main");
        await app.Locator("#issue-key").ClickAsync();
        var key = await app.Locator("#new-key").InnerTextAsync();

        await app.Locator("#ext").FillAsync("105");
        await app.Locator("#ext-user").SelectOptionAsync(TestUsers.Clara.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await app.Locator("#set-extension").ClickAsync();
        await Assertions.Expect(app.Locator("[role=status]")).ToHaveTextAsync("Extension 105 now rings user 16.");

        await app.Locator("#wait").FillAsync("3");
        await app.Locator("#chat").UncheckAsync();
        await app.Locator("#save-call-records").ClickAsync();
        await Assertions.Expect(app.Locator("[role=status]")).ToHaveTextAsync("Saved.");
        output.WriteLine($"Screenshot: {await HeadlessChromium.ScreenshotAsync(page, "settings-page.png")}");

        // What the admin set is what calls do: the new key connects, extension 105 rings Clara, no chat summary.
        await using var pbx = await Testing.Pbx.PbxTestClient.ConnectAsync(World.Settings.GrpcAddress, key);
        await pbx.SendAllAsync(
            World.Events.InboundCall("via-105", "+4930135790", "105"),
            World.Events.Answered("via-105", "105"),
            World.Events.Ended("via-105", CallOutcome.Answered, talkSeconds: 12));
        var done = await World.WaitForAsync(portal, p => p.CallLog.Count == 1, "the call to extension 105 is recorded");
        var record = Assert.Single(done.CallLog);
        Assert.Equal(TestUsers.Clara, record.UserId);
        Assert.False(record.AddToChat);

        await page.ReloadAsync();
        await Assertions.Expect(page.FrameLocator("#app-frame").Locator("#recent-calls tbody tr")).ToHaveCountAsync(1);
        output.WriteLine($"Screenshot: {await HeadlessChromium.ScreenshotAsync(page, "settings-page-last-calls.png")}");
    }

    [Fact]
    public async Task BadSetting_IsRefusedOnThePageWithTheReason()
    {
        var portal = await World.CreatePortalAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (_, app) = await OpenAppAsync(chromium, portal, TestUsers.Admin);
        await app.Locator("#region").FillAsync("XX");
        await app.Locator("#save-call-records").ClickAsync();

        await Assertions.Expect(app.Locator("[role=alert]")).ToContainTextAsync("'XX' is not a country code");
    }

    [Fact]
    public async Task UserWhoIsNotAnAdmin_IsTurnedAway()
    {
        var portal = await World.CreatePortalAsync();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var (_, app) = await OpenAppAsync(chromium, portal, TestUsers.Boris);

        await Assertions.Expect(app.Locator("[role=alert]"))
            .ToHaveTextAsync("Only the portal's administrators can change TelephonyHub's settings.");
        Assert.DoesNotContain("Issue key", await app.Locator("body").InnerTextAsync());
    }

    /// <summary>A page of its own with the app opened in the emulated Bitrix24 as <paramref name="user"/>, and the app's frame.</summary>
    private async Task<(IPage Page, IFrameLocator App)> OpenAppAsync(HeadlessChromium chromium, TestPortal portal, int user)
    {
        var page = await chromium.Browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);
        await page.GotoAsync(OpenAppUrl(portal, user));
        return (page, page.FrameLocator("#app-frame"));
    }

    private string OpenAppUrl(TestPortal portal, int user) =>
        new Uri(World.Emulator.BaseUri, $"portals/{portal.Domain}/apps/{World.Settings.ClientId}/open?user={user}").AbsoluteUri;
}
