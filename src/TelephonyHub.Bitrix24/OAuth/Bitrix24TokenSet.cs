using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.OAuth;

/// <summary>
/// Tokens issued by the OAuth server (reference §3.4). The refresh token rotates: store <see cref="RefreshToken"/>
/// in place of the one used, or the next refresh fails with <c>invalid_grant</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-token-set-v1")]
public sealed record Bitrix24TokenSet
{
    /// <summary><c>access_token</c>. Secret.</summary>
    [Id(0)] public required string AccessToken { get; init; }

    /// <summary><c>refresh_token</c>: the new one, replacing the one used. Secret.</summary>
    [Id(1)] public required string RefreshToken { get; init; }

    /// <summary>When the access token expires (<c>expires</c>, or now + <c>expires_in</c>).</summary>
    [Id(2)] public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary><c>client_endpoint</c>: <c>https://{portal}/rest/</c>, the source of truth for the portal URL.</summary>
    [Id(3)] public required Uri ClientEndpoint { get; init; }

    /// <summary><c>member_id</c>: the portal's stable id, the tenant key.</summary>
    [Id(4)] public required string MemberId { get; init; }

    /// <summary><c>scope</c>, split.</summary>
    [Id(5)] public ImmutableArray<string> Scope { get; init; } = [];

    /// <summary><c>user_id</c>: the user the tokens belong to.</summary>
    [Id(6)] public long? UserId { get; init; }

    /// <summary><c>server_endpoint</c>.</summary>
    [Id(7)] public Uri? ServerEndpoint { get; init; }

    /// <summary><c>status</c>: the app's status letter (L/F/D/T/P).</summary>
    [Id(8)] public string? Status { get; init; }

    /// <summary>The connection to call the portal with these tokens.</summary>
    public Bitrix24Connection ToConnection() => new(ClientEndpoint, AccessToken);

    /// <summary>Renders without the tokens.</summary>
    public override string ToString() =>
        $"Bitrix24TokenSet {{ MemberId = {MemberId}, ClientEndpoint = {ClientEndpoint}, ExpiresAt = {ExpiresAt:O} }}";
}
