using System.Globalization;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.OAuth;

/// <summary>Reads the OAuth server's token response or its <c>{error, error_description}</c> (reference §3.4).</summary>
internal static class Bitrix24TokenResponseReader
{
    public static Bitrix24OAuthOutcome Read(int status, string body, DateTimeOffset now)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return Failure(Bitrix24OAuthErrorKind.Transient, status, string.Empty,
                string.Create(CultureInfo.InvariantCulture, $"HTTP {status} with a body that is not JSON."));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var errorValue))
            {
                var code = errorValue.AsString() ?? string.Empty;
                return Failure(Classify(status, code), status, code, root.Text("error_description") ?? string.Empty);
            }

            if (status is < 200 or >= 300)
            {
                return Failure(status >= 500 ? Bitrix24OAuthErrorKind.Transient : Bitrix24OAuthErrorKind.Rejected, status,
                    string.Empty, string.Create(CultureInfo.InvariantCulture, $"HTTP {status} without an error."));
            }

            return ReadTokens(root, now) is { } tokens
                ? new Bitrix24OAuthOutcome { Tokens = tokens }
                : Failure(Bitrix24OAuthErrorKind.Transient, status, string.Empty,
                    "The token response lacks access_token, refresh_token, client_endpoint or member_id.");
        }
    }

    private static Bitrix24TokenSet? ReadTokens(JsonElement root, DateTimeOffset now)
    {
        var access = root.Text("access_token");
        var refresh = root.Text("refresh_token");
        var memberId = root.Text("member_id");
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh) || string.IsNullOrEmpty(memberId)
            || !Uri.TryCreate(root.Text("client_endpoint"), UriKind.Absolute, out var clientEndpoint))
        {
            return null;
        }

        var expiresAt = root.Long("expires") is { } expires
            ? DateTimeOffset.FromUnixTimeSeconds(expires)
            : now.AddSeconds(root.Long("expires_in") ?? 3600);
        return new Bitrix24TokenSet
        {
            AccessToken = access,
            RefreshToken = refresh,
            ExpiresAt = expiresAt,
            ClientEndpoint = clientEndpoint,
            MemberId = memberId,
            Scope = SplitScope(root.Text("scope")),
            UserId = root.Long("user_id"),
            ServerEndpoint = Uri.TryCreate(root.Text("server_endpoint"), UriKind.Absolute, out var server) ? server : null,
            Status = root.Text("status"),
        };
    }

    /// <summary>Scopes come comma-separated in practice and space-separated in some docs (reference §4.2): split on both.</summary>
    public static ImmutableArray<string> SplitScope(string? scope) =>
        scope is null ? [] : [.. scope.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static Bitrix24OAuthErrorKind Classify(int status, string code) => code.ToUpperInvariant() switch
    {
        "INVALID_GRANT" => Bitrix24OAuthErrorKind.RefreshTokenDead,
        "INVALID_CLIENT" or "WRONG_CLIENT" => Bitrix24OAuthErrorKind.InvalidClient,
        "PAYMENT_REQUIRED" => Bitrix24OAuthErrorKind.PaymentRequired,
        "INVALID_SCOPE" or "INSUFFICIENT_SCOPE" => Bitrix24OAuthErrorKind.InvalidScope,
        _ when status >= 500 => Bitrix24OAuthErrorKind.Transient,
        _ => Bitrix24OAuthErrorKind.Rejected,
    };

    private static Bitrix24OAuthOutcome Failure(Bitrix24OAuthErrorKind kind, int status, string code, string description) =>
        new() { Error = new Bitrix24OAuthError { Kind = kind, HttpStatus = status, Code = code, Description = description } };
}
