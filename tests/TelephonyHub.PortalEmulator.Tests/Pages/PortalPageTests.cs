using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TelephonyHub.PortalEmulator.Tests.Pages;

/// <summary>
/// The portal's web page in headless Chromium: who sees which card, the call log, click-to-call as a chosen user
/// (reference §4.5), and the app opened in an iframe by a form POST (reference §3.2 frame request).
/// </summary>
public sealed class PortalPageTests(ITestOutputHelper output)
{
    private const float Timeout = 10_000;

    [Fact]
    public async Task ClickToCallOnThePage_SendsTheEventAndShowsTheCardThenTheCallLog()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostFormAsync("event.bind", ("event", "ONEXTERNALCALLSTART"), ("handler", receiver.Url("events").AbsoluteUri));
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync(h.Server.BaseUri.AbsoluteUri);
        await page.ClickAsync($"#portals a:text('{EmulatorHarness.Domain}')");
        await page.SelectOptionAsync("#actor", "24");
        await page.Locator($"button.call[data-phone='{EmulatorHarness.ContactPhone}']").First.ClickAsync();
        var posted = await receiver.NextAsync("ONEXTERNALCALLSTART after the click on the page");
        var callId = posted.Field("data[CALL_ID]")!;

        Assert.Equal("24", posted.Field("data[USER_ID]"));
        await page.Locator("#user-24 .card").WaitForAsync();
        Assert.Equal("24", await page.Locator("#actor").InputValueAsync());
        Assert.Equal(callId, await page.Locator("#user-24 .card").InnerTextAsync());
        Assert.Equal("no card", await page.Locator("#user-11 .cards").InnerTextAsync());

        // The hub finishes the call; the page refreshes itself from the live endpoint.
        await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "24"), ("DURATION", "65"));
        var row = page.Locator("#call-log tr", new() { HasText = callId });
        await row.WaitForAsync();
        Assert.Contains("65 s", await row.InnerTextAsync());
        Assert.Contains("CONTACT 797", await row.InnerTextAsync());
        Assert.Equal("no card", await page.Locator("#user-24 .cards").InnerTextAsync());
        await ScreenshotAsync(page, "portal-page.png");
    }

    [Fact]
    public async Task OpenApp_PostsAFreshUserTokenIntoTheIframe()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync(appPage: receiver.Url("app/settings?tab=pbx"));
        await using var browser = await BrowserAsync();
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(Timeout);

        await page.GotoAsync(new Uri(h.Server.BaseUri, $"portals/{EmulatorHarness.Domain}/apps/{EmulatorHarness.ClientId}/open?user=24").AbsoluteUri);
        var frame = page.FrameLocator("#app-frame");
        var authId = await frame.Locator("#AUTH_ID").InnerTextAsync();
        var posted = await receiver.NextAsync("the frame POST to the app page");

        Assert.StartsWith("/app/settings?tab=pbx&DOMAIN=acme.bitrix24.test&PROTOCOL=0&LANG=en&APP_SID=", posted.Path);
        Assert.Equal(
            ["AUTH_ID", "AUTH_EXPIRES", "REFRESH_ID", "SERVER_ENDPOINT", "member_id", "status", "PLACEMENT", "PLACEMENT_OPTIONS", "APPLICATION_TOKEN", "APPLICATION_SCOPE"],
            posted.FieldNames);
        Assert.Equal(("3600", "DEFAULT", "{}"), (posted.Field("AUTH_EXPIRES"), posted.Field("PLACEMENT"), posted.Field("PLACEMENT_OPTIONS")));
        Assert.Equal(h.Portal.Snapshot.Installation(EmulatorHarness.ClientId)!.ApplicationToken, posted.Field("APPLICATION_TOKEN"));

        // AUTH_ID is a real token of user 24 for the app.
        h.Tokens = h.Tokens with { AccessToken = authId };
        Assert.Equal("24", (await h.GetAsync("profile")).Result!["ID"]!.GetValue<string>());
        await ScreenshotAsync(page, "open-app.png");
    }

    private static async Task<BrowserHandle> BrowserAsync()
    {
        // Never download a browser: the system Chromium (apt-get install chromium) is the one used.
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new BrowserHandle(playwright, browser);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private sealed class BrowserHandle(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
    {
        public Task<IPage> NewPageAsync() => browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
