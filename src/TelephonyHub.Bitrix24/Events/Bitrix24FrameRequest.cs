namespace TelephonyHub.Bitrix24.Events;

/// <summary>
/// The POST Bitrix24 makes when it opens the app's page, installer or a placement such as <c>CALL_CARD</c> in a
/// frame (reference §3.2). Parsed by <see cref="Bitrix24FrameRequestParser"/>. Its tokens are those of the user
/// looking at the page; verify them (e.g. <c>profile</c> or <c>app.info</c>) before trusting <see cref="MemberId"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-frame-request-v1")]
public sealed record Bitrix24FrameRequest
{
    /// <summary><c>DOMAIN</c>: the portal host.</summary>
    [Id(0)] public required string Domain { get; init; }

    /// <summary><c>PROTOCOL</c>: true for https (<c>1</c>).</summary>
    [Id(1)] public bool Https { get; init; } = true;

    /// <summary><c>LANG</c>: UI language.</summary>
    [Id(2)] public string? Language { get; init; }

    /// <summary><c>APP_SID</c>: per-render session id (not a secret).</summary>
    [Id(3)] public string? AppSid { get; init; }

    /// <summary><c>AUTH_ID</c>: the user's access token. Secret.</summary>
    [Id(4)] public required string AccessToken { get; init; }

    /// <summary><c>AUTH_EXPIRES</c> in seconds.</summary>
    [Id(5)] public long? ExpiresIn { get; init; }

    /// <summary><c>REFRESH_ID</c>: the user's refresh token. Secret.</summary>
    [Id(6)] public string? RefreshToken { get; init; }

    /// <summary><c>SERVER_ENDPOINT</c>.</summary>
    [Id(7)] public Uri ServerEndpoint { get; init; } = Bitrix24EventAuth.DefaultServerEndpoint;

    /// <summary><c>APPLICATION_TOKEN</c>: same value as <c>application_token</c> in events. Secret.</summary>
    [Id(8)] public string? ApplicationToken { get; init; }

    /// <summary><c>APPLICATION_SCOPE</c>, split.</summary>
    [Id(9)] public ImmutableArray<string> Scope { get; init; } = [];

    /// <summary><c>member_id</c>: the portal id.</summary>
    [Id(10)] public required string MemberId { get; init; }

    /// <summary><c>status</c>: informational only; trust <c>app.info</c>.</summary>
    [Id(11)] public string? Status { get; init; }

    /// <summary><c>PLACEMENT</c>: <c>DEFAULT</c> for the app page, else the placement code (<c>CALL_CARD</c>).</summary>
    [Id(12)] public string Placement { get; init; } = "DEFAULT";

    /// <summary><c>PLACEMENT_OPTIONS</c> (a JSON object string) read as flat key → text; empty for <c>{}</c> or <c>undefined</c>.</summary>
    [Id(13)] public ImmutableDictionary<string, string> PlacementOptions { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The portal's REST root, <c>http(s)://{DOMAIN}/rest/</c>.</summary>
    public Uri ClientEndpoint => new($"{(Https ? "https" : "http")}://{Domain}/rest/");

    /// <summary>Renders without tokens.</summary>
    public override string ToString() =>
        $"Bitrix24FrameRequest {{ Domain = {Domain}, MemberId = {MemberId}, Placement = {Placement} }}";
}
