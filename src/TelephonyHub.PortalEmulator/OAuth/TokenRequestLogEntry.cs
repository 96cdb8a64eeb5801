namespace TelephonyHub.PortalEmulator.OAuth;

/// <summary>
/// One request to the OAuth server's token endpoint (reference §3.4) about a portal's tokens, in arrival order. The
/// OAuth server is another host than the portal, so these are not in the portal's REST request log; tests count
/// refreshes here (e.g. "exactly one refresh after the tokens expired").
/// </summary>
public sealed record TokenRequestLogEntry
{
    /// <summary>Emulator clock.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary><c>grant_type</c> as sent (<c>refresh_token</c>).</summary>
    public required string GrantType { get; init; }

    /// <summary><c>client_id</c> as sent.</summary>
    public required string ClientId { get; init; }

    /// <summary>HTTP status of the answer: 200 with new tokens, else an OAuth error.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The OAuth <c>error</c> answered (<c>invalid_grant</c>…), or null when tokens were issued.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>True when new tokens were issued.</summary>
    public bool Succeeded => StatusCode == 200;
}
