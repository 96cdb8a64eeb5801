namespace TelephonyHub.Abstractions.Portals;

/// <summary>
/// A verified install of the app on a portal: the tokens come from the OAuth server (not from the install request
/// itself), the application token from the install event (reference §3.2, §4.3).
/// </summary>
[GenerateSerializer, Immutable, Alias("portal-installation-v1")]
public sealed record PortalInstallation
{
    /// <summary>The portal's <c>member_id</c>: the tenant key, never changes.</summary>
    [Id(0)] public required string MemberId { get; init; }

    [Id(1)] public required string Domain { get; init; }

    /// <summary><c>https://{domain}/rest/</c>: where REST calls go.</summary>
    [Id(2)] public required Uri ClientEndpoint { get; init; }

    [Id(3)] public required Bitrix24Tokens Tokens { get; init; }

    /// <summary>The per-app-per-portal secret every later Bitrix24 event must carry.</summary>
    [Id(4)] public required string ApplicationToken { get; init; }

    /// <summary>The admin who installed the app: the fallback owner of calls nobody else owns.</summary>
    [Id(5)] public required long InstallerUserId { get; init; }

    [Id(6)] public required ImmutableArray<string> Scope { get; init; }

    /// <summary>Where the hub receives this portal's events (bound with <c>event.bind</c>).</summary>
    [Id(7)] public required Uri EventHandlerUrl { get; init; }

    /// <summary>The app version the portal runs (<c>data[VERSION]</c>).</summary>
    [Id(8)] public string? AppVersion { get; init; }
}
