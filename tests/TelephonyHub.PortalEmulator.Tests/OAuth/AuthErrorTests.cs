using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Tests.OAuth;

/// <summary>Reference §1.4 system errors and §9 item 3 (auth).</summary>
public sealed class AuthErrorTests
{
    [Fact]
    public async Task MissingAuth_AnswersNoAuthFound()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.SendAsync(new HttpRequestMessage(HttpMethod.Get, h.Url("user.get", "")));

        Assert.Equal(401, reply.Status);
        Assert.Equal("NO_AUTH_FOUND", reply.Error);
        Assert.Equal("Wrong authorization data", reply.Description);
    }

    [Fact]
    public async Task UnknownToken_AnswersNoAuthFound()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Tokens = h.Tokens with { AccessToken = "s7p6notatoken" };

        var reply = await h.GetAsync("profile");

        Assert.Equal(401, reply.Status);
        Assert.Equal("NO_AUTH_FOUND", reply.Error);
    }

    [Fact]
    public async Task TokenAfterAnHour_AnswersExpiredToken()
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.Equal(200, (await h.GetAsync("profile")).Status);

        h.Clock.Advance(TimeSpan.FromSeconds(3600));
        var reply = await h.GetAsync("profile");

        Assert.Equal(401, reply.Status);
        Assert.Equal("expired_token", reply.Error);
        Assert.Equal("The access token provided has expired.", reply.Description);
    }

    [Fact]
    public async Task ExpireTokensFault_ExpiresLiveTokensAtOnce()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var expired = await h.Server.Admin.ExpireTokensAsync(EmulatorHarness.Domain);
        var reply = await h.GetAsync("profile");

        Assert.True(expired >= 1);
        Assert.Equal("expired_token", reply.Error);
    }

    [Fact]
    public async Task RevokedApp_AnswersInvalidToken()
    {
        await using var h = await EmulatorHarness.StartAsync();

        await h.Server.Admin.RevokeAppAsync(EmulatorHarness.Domain, EmulatorHarness.ClientId);
        var reply = await h.GetAsync("profile");

        Assert.Equal(401, reply.Status);
        Assert.Equal("invalid_token", reply.Error);
    }

    [Fact]
    public async Task TokenOfAnotherPortal_IsRefusedOnThisPortalsEndpoint()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.CreatePortalAsync(new PortalDefinition("other.bitrix24.test")
        {
            Users = [new PortalUser(1, "Olga") { IsAdmin = true }],
            PreinstalledApps = [EmulatorHarness.ClientId],
        });
        var foreign = await h.Server.Admin.IssueTokensAsync("other.bitrix24.test", EmulatorHarness.ClientId, 1);
        h.Tokens = foreign;

        var reply = await h.GetAsync("profile");

        Assert.Equal(401, reply.Status);
        Assert.Equal("NO_AUTH_FOUND", reply.Error);
    }

    [Fact]
    public async Task WebhookCallingTelephony_AnswersWrongAuthType()
    {
        // Reference §5.0: register/finish/lines need an OAuth app.
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.SendAsync(new HttpRequestMessage(
            HttpMethod.Get, new Uri(h.ClientEndpoint, "1/hookcode0123/telephony.externalcall.register.json?USER_ID=1&PHONE_NUMBER=123&TYPE=2")));
        var allowed = await h.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(h.ClientEndpoint, "1/hookcode0123/user.get")));

        Assert.Equal(403, reply.Status);
        Assert.Equal("WRONG_AUTH_TYPE", reply.Error);
        Assert.Equal(200, allowed.Status);
        Assert.Empty(h.Portal.Snapshot.ActiveCalls);
    }

    [Fact]
    public async Task FrameToken_TellsWhoTheUserIsAndWhetherAdmin()
    {
        // Reference §7.4: the hub's settings page checks a frame token with profile / user.current / user.admin.
        await using var h = await EmulatorHarness.StartAsync();
        h.Tokens = await h.Server.Admin.IssueTokensAsync(EmulatorHarness.Domain, EmulatorHarness.ClientId, 24);

        var profile = await h.GetAsync("profile");
        var current = await h.GetAsync("user.current");
        var admin = await h.GetAsync("user.admin");

        Assert.Equal("24", profile.Result!["ID"]!.GetValue<string>());
        Assert.False(profile.Result["ADMIN"]!.GetValue<bool>());
        Assert.Equal("102", current.Result!["UF_PHONE_INNER"]!.GetValue<string>());
        Assert.False(admin.Result!.GetValue<bool>());
    }
}
