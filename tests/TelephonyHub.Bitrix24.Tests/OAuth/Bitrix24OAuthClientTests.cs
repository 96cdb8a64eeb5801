using TelephonyHub.Bitrix24.OAuth;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.OAuth;

public sealed class Bitrix24OAuthClientTests
{
    [Fact]
    public async Task Refresh_GetsTheTokenEndpointWithClientCredentials()
    {
        await using var oauth = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create(oauth.BaseAddress);
        oauth.AnswerAll(Reply.Ok(RecordedResponses.TokenResponse("access-2", "refresh-2")));

        var outcome = await host.OAuth.RefreshAsync("refresh-1", CancellationToken.None);

        var sent = Assert.Single(oauth.Received);
        Assert.Equal(("GET", "/oauth/token/"), (sent.HttpMethod, sent.Path));
        Assert.Equal("refresh_token", sent.Query.GetString("grant_type"));
        Assert.Equal(ClientHost.ClientId, sent.Query.GetString("client_id"));
        Assert.Equal(ClientHost.ClientSecret, sent.Query.GetString("client_secret"));
        Assert.Equal("refresh-1", sent.Query.GetString("refresh_token"));
        Assert.True(outcome.IsSuccess, outcome.Error?.Description);
        var tokens = outcome.Tokens;
        Assert.Equal(("access-2", "refresh-2"), (tokens.AccessToken, tokens.RefreshToken));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773134378), tokens.ExpiresAt);
        Assert.Equal(new Uri("https://some-domain.bitrix24.com/rest/"), tokens.ClientEndpoint);
        Assert.Equal("a223c6b9410f85df78e9377d6c4f7213", tokens.MemberId);
        Assert.Equal(["crm", "telephony", "user_basic"], tokens.Scope.ToArray());
        Assert.Equal(1, tokens.UserId);
        Assert.Equal(new Uri("https://some-domain.bitrix24.com/rest/"), tokens.ToConnection().ClientEndpoint);
        Assert.DoesNotContain("access-2", tokens.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-2", tokens.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_RotatesTheRefreshToken_AndTheOldOneIsDeadAfterwards()
    {
        await using var oauth = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create(oauth.BaseAddress);
        var server = new RotatingTokenServer("refresh-1");
        oauth.Responder = (request, _) => Task.FromResult(server.Answer(request));

        var first = await host.OAuth.RefreshAsync("refresh-1", CancellationToken.None);
        var second = await host.OAuth.RefreshAsync(first.Tokens!.RefreshToken, CancellationToken.None);
        var replayed = await host.OAuth.RefreshAsync("refresh-1", CancellationToken.None);

        Assert.Equal("refresh-2", first.Tokens.RefreshToken);
        Assert.Equal("refresh-3", second.Tokens?.RefreshToken);
        Assert.Equal("access-3", second.Tokens?.AccessToken);
        Assert.Equal(Bitrix24OAuthErrorKind.RefreshTokenDead, replayed.Error?.Kind);
        Assert.Equal("invalid_grant", replayed.Error?.Code);
        Assert.False(replayed.Error?.IsTransient);
    }

    [Fact]
    public async Task Refresh_WithoutExpires_ComputesExpiryFromExpiresInOnTheInjectedClock()
    {
        await using var oauth = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create(oauth.BaseAddress);
        oauth.AnswerAll(Reply.Ok("""
            {"access_token":"a","refresh_token":"r","expires_in":3600,"client_endpoint":"https://x.bitrix24.de/rest/","member_id":"m1","scope":"crm telephony"}
            """));

        var outcome = await host.OAuth.RefreshAsync("r0", CancellationToken.None);

        Assert.Equal(host.Time.GetUtcNow().AddHours(1), outcome.Tokens?.ExpiresAt);
        Assert.Equal(["crm", "telephony"], outcome.Tokens!.Scope.ToArray());
    }

    [Theory]
    [InlineData(401, "invalid_client", Bitrix24OAuthErrorKind.InvalidClient)]
    [InlineData(400, "wrong_client", Bitrix24OAuthErrorKind.InvalidClient)]
    [InlineData(402, "PAYMENT_REQUIRED", Bitrix24OAuthErrorKind.PaymentRequired)]
    [InlineData(400, "invalid_scope", Bitrix24OAuthErrorKind.InvalidScope)]
    [InlineData(400, "invalid_request", Bitrix24OAuthErrorKind.Rejected)]
    [InlineData(500, "server_error", Bitrix24OAuthErrorKind.Transient)]
    public async Task Refresh_Failures_AreTypedErrors(int status, string code, Bitrix24OAuthErrorKind kind)
    {
        await using var oauth = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create(oauth.BaseAddress);
        oauth.AnswerAll(Reply.Error(status, code, "described"));

        var outcome = await host.OAuth.RefreshAsync("refresh-1", CancellationToken.None);

        Assert.Equal(kind, outcome.Error?.Kind);
        Assert.Equal(status, outcome.Error?.HttpStatus);
    }

    [Fact]
    public async Task Refresh_WhenTheOAuthServerIsDown_IsTransient()
    {
        Uri dead;
        await using (var gone = await LoopbackServer.StartAsync())
        {
            dead = gone.BaseAddress;
        }

        using var host = ClientHost.Create(dead);

        var outcome = await host.OAuth.RefreshAsync("refresh-1", CancellationToken.None);

        Assert.Equal(Bitrix24OAuthErrorKind.Transient, outcome.Error?.Kind);
        Assert.DoesNotContain(ClientHost.ClientSecret, outcome.Error?.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-1", outcome.Error?.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExchangeCode_UsesTheAuthorizationCodeGrant()
    {
        await using var oauth = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create(oauth.BaseAddress);
        oauth.AnswerAll(Reply.Ok(RecordedResponses.TokenResponse("access-1", "refresh-1")));

        var outcome = await host.OAuth.ExchangeCodeAsync("code-xyz", CancellationToken.None);

        var query = Assert.Single(oauth.Received).Query;
        Assert.Equal("authorization_code", query.GetString("grant_type"));
        Assert.Equal("code-xyz", query.GetString("code"));
        Assert.Equal("refresh-1", outcome.Tokens?.RefreshToken);
    }

    /// <summary>An OAuth server that accepts only the latest refresh token and rotates it on every use (reference §3.4).</summary>
    private sealed class RotatingTokenServer(string initialRefreshToken)
    {
        private string _current = initialRefreshToken;
        private int _generation = 1;

        public Reply Answer(ReceivedRequest request)
        {
            var query = request.Query;
            if (query.GetString("client_id") != ClientHost.ClientId || query.GetString("client_secret") != ClientHost.ClientSecret)
            {
                return Reply.Error(401, "invalid_client", "Invalid client");
            }

            if (query.GetString("grant_type") != "refresh_token" || query.GetString("refresh_token") != _current)
            {
                return Reply.Error(400, "invalid_grant", "Invalid refresh token");
            }

            _generation++;
            _current = "refresh-" + _generation;
            return Reply.Ok(RecordedResponses.TokenResponse("access-" + _generation, _current));
        }
    }
}
