using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.OAuth;

/// <summary>
/// Talks to the Bitrix24 OAuth server (<c>oauth.bitrix.info</c>, reference §3.3–3.4). It does no caching and no
/// locking: the hub serialises refreshes per portal and stores the rotated refresh token itself.
/// The <c>client_secret</c> goes only to this server, never to a portal.
/// </summary>
public sealed partial class Bitrix24OAuthClient(
    HttpClient http,
    IOptions<Bitrix24ClientOptions> options,
    TimeProvider timeProvider,
    ILogger<Bitrix24OAuthClient> logger)
{
    /// <summary>
    /// Exchanges a refresh token for new tokens: <c>GET {oauth}oauth/token/?grant_type=refresh_token&amp;…</c>.
    /// Call it after <c>expired_token</c>, not on a timer (reference §3.4).
    /// </summary>
    /// <param name="refreshToken">The current refresh token; dead after a successful call (rotation).</param>
    /// <param name="cancellationToken">Cancels the request; the only way this method throws.</param>
    public Task<Bitrix24OAuthOutcome> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return RequestTokensAsync("refresh_token", "refresh_token", refreshToken, cancellationToken);
    }

    /// <summary>
    /// Exchanges an authorization <c>code</c> (valid 30 s) for tokens (reference §3.3, step 3).
    /// </summary>
    /// <param name="code">The code Bitrix24 sent to the app's redirect URI.</param>
    /// <param name="cancellationToken">Cancels the request; the only way this method throws.</param>
    public Task<Bitrix24OAuthOutcome> ExchangeCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        return RequestTokensAsync("authorization_code", "code", code, cancellationToken);
    }

    private async Task<Bitrix24OAuthOutcome> RequestTokensAsync(
        string grantType,
        string grantField,
        string grantValue,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var query = PhpFormEncoder.Encode(
        [
            new("grant_type", grantType),
            new("client_id", settings.ClientId),
            new("client_secret", settings.ClientSecret),
            new(grantField, grantValue),
        ]);
        var uri = BaseUrls.Combine(settings.OAuthServerUrl, "oauth/token/?" + query);
        using var deadline = new CancellationTokenSource(settings.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        int status;
        string body;
        try
        {
            using var response = await http.GetAsync(uri, linked.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(new Bitrix24OAuthError
            {
                Kind = Bitrix24OAuthErrorKind.Transient,
                Description = string.Create(CultureInfo.InvariantCulture, $"No answer within {settings.RequestTimeout.TotalSeconds:0.#} s."),
            });
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return Failed(new Bitrix24OAuthError { Kind = Bitrix24OAuthErrorKind.Transient, Description = ex.Message });
        }

        var outcome = Bitrix24TokenResponseReader.Read(status, body, timeProvider.GetUtcNow());
        return outcome.Error is { } error ? Failed(error) : outcome;
    }

    private Bitrix24OAuthOutcome Failed(Bitrix24OAuthError error)
    {
        LogTokenRequestFailed(logger, error.Kind, error.HttpStatus, error.Code, error.Description);
        return new Bitrix24OAuthOutcome { Error = error };
    }
}
