namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// The <c>auth[...]</c> block of an event (reference §4.2). <see cref="ApplicationToken"/> proves the event comes
/// from Bitrix24 (compare it with the stored one first, §4.3); the tokens are one-off conveniences, absent when no
/// user fired the event.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-event-auth-v1")]
public sealed record Bitrix24EventAuth
{
    /// <summary>The default <c>server_endpoint</c>, which some payloads since 2024-11 omit.</summary>
    public static readonly Uri DefaultServerEndpoint = new("https://oauth.bitrix.info/rest/");

    /// <summary><c>access_token</c>, when a user fired the event. Secret.</summary>
    [Id(0)] public string? AccessToken { get; init; }

    /// <summary><c>refresh_token</c> (ONAPPINSTALL, offline events). Secret.</summary>
    [Id(1)] public string? RefreshToken { get; init; }

    /// <summary><c>expires</c>: when the access token expires.</summary>
    [Id(2)] public DateTimeOffset? Expires { get; init; }

    /// <summary><c>expires_in</c> in seconds.</summary>
    [Id(3)] public long? ExpiresIn { get; init; }

    /// <summary><c>scope</c>, split on commas and spaces.</summary>
    [Id(4)] public ImmutableArray<string> Scope { get; init; } = [];

    /// <summary><c>domain</c>: the portal host.</summary>
    [Id(5)] public required string Domain { get; init; }

    /// <summary><c>server_endpoint</c>, defaulting to <see cref="DefaultServerEndpoint"/>.</summary>
    [Id(6)] public Uri ServerEndpoint { get; init; } = DefaultServerEndpoint;

    /// <summary><c>status</c>: L/F/D/T/P.</summary>
    [Id(7)] public string? Status { get; init; }

    /// <summary><c>client_endpoint</c>, defaulting to <c>https://{domain}/rest/</c>.</summary>
    [Id(8)] public required Uri ClientEndpoint { get; init; }

    /// <summary><c>member_id</c>: the tenant key.</summary>
    [Id(9)] public required string MemberId { get; init; }

    /// <summary><c>user_id</c>: the user behind the token.</summary>
    [Id(10)] public long? UserId { get; init; }

    /// <summary><c>application_token</c>: the per-app-per-portal secret. Never log it.</summary>
    [Id(11)] public required string ApplicationToken { get; init; }

    /// <summary>Renders without tokens.</summary>
    public override string ToString() =>
        $"Bitrix24EventAuth {{ Domain = {Domain}, MemberId = {MemberId}, UserId = {UserId}, HasAccessToken = {AccessToken is not null} }}";
}
