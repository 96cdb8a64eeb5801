using TelephonyHub.Bitrix24.OAuth;

namespace TelephonyHub.Abstractions.Portals;

/// <summary>
/// A verified install of the app on a portal: the tokens (with the portal's <c>member_id</c> and REST endpoint) come
/// from the OAuth server, not from the install request itself; the application token comes from the install event
/// (reference §3.2, §4.3).
/// </summary>
[GenerateSerializer, Immutable, Alias("portal-installation-v1")]
public sealed record PortalInstallation
{
    /// <summary>Tokens as the OAuth server issued them; <see cref="Bitrix24TokenSet.MemberId"/> is the portal id.</summary>
    [Id(0)] public required Bitrix24TokenSet Tokens { get; init; }

    [Id(1)] public required string Domain { get; init; }

    /// <summary>The per-app-per-portal secret every later Bitrix24 event must carry.</summary>
    [Id(2)] public required string ApplicationToken { get; init; }

    /// <summary>The admin who installed the app: the fallback owner of calls nobody else owns.</summary>
    [Id(3)] public required long InstallerUserId { get; init; }

    /// <summary>Where the hub receives this portal's events (bound with <c>event.bind</c>).</summary>
    [Id(4)] public required Uri EventHandlerUrl { get; init; }

    /// <summary>The app version the portal runs (<c>data[VERSION]</c>).</summary>
    [Id(5)] public string? AppVersion { get; init; }

    public override string ToString() => $"PortalInstallation {{ {Tokens.MemberId} {Domain} }}";
}
