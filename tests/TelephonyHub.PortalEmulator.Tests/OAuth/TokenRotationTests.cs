using System.Net.Http.Json;

namespace TelephonyHub.PortalEmulator.Tests.OAuth;

/// <summary>Reference §3.4 (refresh, rotation), §9 item 9 (OAuth server fake), open question 6.</summary>
public sealed class TokenRotationTests
{
    [Fact]
    public async Task Refresh_ByPostForm_IssuesNewTokensAndClientEndpoint()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var (status, json) = await RefreshAsync(h, h.Tokens.RefreshToken, post: true);

        Assert.Equal(200, status);
        Assert.NotEqual(h.Tokens.AccessToken, json["access_token"]!.GetValue<string>());
        Assert.NotEqual(h.Tokens.RefreshToken, json["refresh_token"]!.GetValue<string>());
        Assert.Equal(3600, json["expires_in"]!.GetValue<int>());
        Assert.Equal(h.Clock.GetUtcNow().ToUnixTimeSeconds() + 3600, json["expires"]!.GetValue<long>());
        Assert.Equal(h.ClientEndpoint.AbsoluteUri, json["client_endpoint"]!.GetValue<string>());
        Assert.Equal($"{h.Server.BaseUri}rest/", json["server_endpoint"]!.GetValue<string>());
        Assert.Equal("a223c6b9410f85df78e9377d6c4f7213", json["member_id"]!.GetValue<string>());
        Assert.Equal(1, json["user_id"]!.GetValue<int>());
        Assert.Equal("telephony,crm,user_basic,placement", json["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_WithAUsedRefreshToken_AnswersInvalidGrant()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var (first, _) = await RefreshAsync(h, h.Tokens.RefreshToken, post: false);

        var (second, json) = await RefreshAsync(h, h.Tokens.RefreshToken, post: false);

        Assert.Equal(200, first);
        Assert.Equal(400, second);
        Assert.Equal("invalid_grant", json["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refreshes_AreLoggedAtTheirPortal()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await RefreshAsync(h, h.Tokens.RefreshToken, post: true);
        h.Clock.Advance(TimeSpan.FromSeconds(5));
        await RefreshAsync(h, h.Tokens.RefreshToken, post: false);

        var log = await h.Server.Admin.GetTokenRequestsAsync("a223c6b9410f85df78e9377d6c4f7213");

        Assert.Collection(log,
            first => Assert.True(first.Succeeded),
            reused =>
            {
                Assert.Equal(400, reused.StatusCode);
                Assert.Equal("invalid_grant", reused.ErrorCode);
                Assert.Equal(log[0].At.AddSeconds(5), reused.At);
            });
        Assert.All(log, entry => Assert.Equal(("refresh_token", EmulatorHarness.ClientId), (entry.GrantType, entry.ClientId)));
    }

    [Fact]
    public async Task ExpiredAccessToken_WorksAgainAfterRefresh()
    {
        await using var h = await EmulatorHarness.StartAsync();
        h.Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal("expired_token", (await h.GetAsync("profile")).Error);

        var (_, json) = await RefreshAsync(h, h.Tokens.RefreshToken, post: true);
        h.Tokens = h.Tokens with { AccessToken = json["access_token"]!.GetValue<string>() };

        Assert.Equal(200, (await h.GetAsync("profile")).Status);
    }

    [Fact]
    public async Task Refresh_WithWrongSecret_AnswersInvalidClient()
    {
        await using var h = await EmulatorHarness.StartAsync();

        using var response = await h.Http.GetAsync(new Uri(
            $"oauth/token/?grant_type=refresh_token&client_id={EmulatorHarness.ClientId}&client_secret=nope&refresh_token={h.Tokens.RefreshToken}",
            UriKind.Relative));

        Assert.Equal(401, (int)response.StatusCode);
        Assert.Equal("invalid_client", (await response.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_AfterUninstall_AnswersInvalidGrant()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.UninstallAppAsync(EmulatorHarness.Domain, EmulatorHarness.ClientId);

        var (status, json) = await RefreshAsync(h, h.Tokens.RefreshToken, post: true);

        Assert.Equal(400, status);
        Assert.Equal("invalid_grant", json["error"]!.GetValue<string>());
        Assert.Equal("invalid_token", (await h.GetAsync("profile")).Error);
    }

    private static async Task<(int Status, JsonObject Json)> RefreshAsync(EmulatorHarness h, string refreshToken, bool post)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = EmulatorHarness.ClientId,
            ["client_secret"] = EmulatorHarness.ClientSecret,
            ["refresh_token"] = refreshToken,
        };
        using var response = post
            ? await h.Http.PostAsync(new Uri("oauth/token/", UriKind.Relative), new FormUrlEncodedContent(fields))
            : await h.Http.GetAsync(new Uri("oauth/token/?" + string.Join('&', fields.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")), UriKind.Relative));
        return ((int)response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }
}
