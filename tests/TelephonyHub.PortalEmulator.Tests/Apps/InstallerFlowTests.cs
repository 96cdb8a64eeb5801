using System.Net;
using System.Text.RegularExpressions;
using TelephonyHub.PortalEmulator.Admin;
using TelephonyHub.PortalEmulator.Telephony;

namespace TelephonyHub.PortalEmulator.Tests.Apps;

/// <summary>
/// Install flow B (reference §3.2): an app with an installer page is on the portal from the moment the page opens, but
/// counts as installed — app.info, events — only after the page called <c>BX24.installFinish()</c>.
/// </summary>
public sealed partial class InstallerFlowTests
{
    private static readonly Uri Installer = new("http://127.0.0.1:9/installer");

    [Fact]
    public async Task BeforeInstallFinish_AppInfoSaysNotInstalled_AndNoEventIsDelivered()
    {
        await using var h = await EmulatorHarness.StartAsync(install: false, installerPage: Installer);
        await OpenInstallerAsync(h);
        h.Tokens = h.Server.IssueTokens(EmulatorHarness.Domain, EmulatorHarness.ClientId, 1);
        await h.PostFormAsync("event.bind", ("event", "ONEXTERNALCALLSTART"), ("handler", "http://127.0.0.1:9/events"));

        var info = await h.GetAsync("app.info");
        var click = await Assert.ThrowsAsync<PortalEmulatorAdminException>(() =>
            h.Server.Admin.ClickToCallAsync(EmulatorHarness.Domain, new ClickToCallRequest(11, EmulatorHarness.ContactPhone)));

        Assert.False(info.Result!["INSTALLED"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Conflict, click.Status);
        Assert.Contains("has not finished installing", click.Message, StringComparison.Ordinal);
        Assert.Empty(h.Portal.Snapshot.EventDeliveries);
    }

    [Fact]
    public async Task InstallFinishFromTheInstallerFrame_InstallsTheApp()
    {
        await using var h = await EmulatorHarness.StartAsync(install: false, installerPage: Installer);
        var appSid = await OpenInstallerAsync(h);

        using var finish = await h.Http.PostAsync(FinishUrl(), new FormUrlEncodedContent([new("APP_SID", appSid)]));
        h.Tokens = h.Server.IssueTokens(EmulatorHarness.Domain, EmulatorHarness.ClientId, 1);

        Assert.Equal(HttpStatusCode.OK, finish.StatusCode);
        Assert.True((await h.GetAsync("app.info")).Result!["INSTALLED"]!.GetValue<bool>());
        Assert.True(h.Portal.Snapshot.Installation(EmulatorHarness.ClientId)!.Finished);
    }

    [Fact]
    public async Task InstallFinish_WithAnAppSidThePortalNeverFramed_IsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync(install: false, installerPage: Installer);
        await OpenInstallerAsync(h);

        using var finish = await h.Http.PostAsync(FinishUrl(), new FormUrlEncodedContent([new("APP_SID", "0123456789abcdef0123456789abcdef")]));

        Assert.Equal(HttpStatusCode.Forbidden, finish.StatusCode);
        Assert.False(h.Portal.Snapshot.Installation(EmulatorHarness.ClientId)!.Finished);
    }

    [Fact]
    public async Task InstallerOpenedByAUserWhoIsNotAnAdmin_IsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync(install: false, installerPage: Installer);

        using var page = await h.Http.GetAsync($"portals/{EmulatorHarness.Domain}/apps/{EmulatorHarness.ClientId}/install?user=11");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Null(h.Portal.Snapshot.Installation(EmulatorHarness.ClientId));
    }

    [Fact]
    public async Task Bx24Library_IsServedForTheInstallerPage()
    {
        await using var h = await EmulatorHarness.StartAsync();

        using var script = await h.Http.GetAsync("api/v1/");

        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("installFinish", await script.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Opens the install page as the admin and returns the APP_SID of the installer frame it renders.</summary>
    private static async Task<string> OpenInstallerAsync(EmulatorHarness h)
    {
        using var page = await h.Http.GetAsync($"portals/{EmulatorHarness.Domain}/apps/{EmulatorHarness.ClientId}/install?user=1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        return AppSid().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"No APP_SID in the install page:\n{html}");
    }

    private static string FinishUrl() => $"portals/{EmulatorHarness.Domain}/apps/{EmulatorHarness.ClientId}/install-finish";

    [GeneratedRegex("APP_SID=([0-9a-f]{32})")]
    private static partial Regex AppSid();
}
