using Microsoft.Playwright;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.World;
using Xunit.Abstractions;

namespace TelephonyHub.Silo.Tests.ClickToCall;

/// <summary>
/// Scenario 4 as a user lives it, in headless Chromium: on the portal's page, acting as Anna, click the CRM contact's
/// number; the card opens, the PBX rings Anna's extension, the call is talked and hung up, the card closes and the
/// call log shows the call with its duration.
/// </summary>
public sealed class ClickToCallPageTests(EmbeddedHubFixture fixture, ITestOutputHelper output) : IClassFixture<EmbeddedHubFixture>
{
    private const float Timeout = 20_000;
    private const string ContactPhone = "+49301234567";

    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task ClickingANumberOnThePortalPage_RingsTheUsersPhone_AndTheCallLogShowsTheTalkedCall()
    {
        var portal = await World.CreatePortalAsync();
        await World.Emulator.Admin.AddCrmEntityAsync(portal.MemberId, new CrmEntity(CrmEntityType.Contact, 0)
        {
            Name = "Greta", LastName = "Gruber", AssignedById = TestUsers.Anna, Phones = [new CrmPhone(ContactPhone)],
        });
        await using var pbx = await World.ConnectPbxAsync(portal);
        var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        try
        {
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
            page.SetDefaultTimeout(Timeout);
            await page.GotoAsync(new Uri(World.Emulator.BaseUri, $"portals/{portal.Domain}/").AbsoluteUri);
            await page.SelectOptionAsync("#actor", TestUsers.Anna.ToString(System.Globalization.CultureInfo.InvariantCulture));

            await page.Locator($"button.call[data-phone='{ContactPhone}']").First.ClickAsync();
            var command = await pbx.NextCommandAsync("the originate for the click on the page");
            var callId = command.OriginateCall.Bitrix24CallId;
            await page.Locator($"#user-{TestUsers.Anna} .card", new() { HasText = callId }).WaitForAsync();

            Assert.Equal(("101", ContactPhone), (command.OriginateCall.Extension, command.OriginateCall.Number));
            await pbx.AcknowledgeAsync(command);
            await pbx.SendAllAsync(
                World.Events.OutboundCall("page-1", "101", ContactPhone, originateRequestId: command.RequestId),
                World.Events.Answered("page-1", "101"),
                World.Events.Ended("page-1", CallOutcome.Answered, talkSeconds: 65));

            var row = page.Locator("#call-log tr", new() { HasText = callId });
            await row.WaitForAsync();
            var text = await row.InnerTextAsync();
            Assert.Contains("65 s", text, StringComparison.Ordinal);
            Assert.Contains("200", text, StringComparison.Ordinal);
            Assert.Contains("Contact", text, StringComparison.OrdinalIgnoreCase);
            await page.Locator($"#user-{TestUsers.Anna} .cards", new() { HasText = "no card" }).WaitForAsync();
            var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "click-to-call-through-the-hub.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
        }
        finally
        {
            playwright.Dispose();
        }
    }
}
