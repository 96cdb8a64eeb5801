using System.Collections.Immutable;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Hosting;

/// <summary>The seed file: apps the OAuth server knows and portals to create (see <c>seed.demo.json</c>).</summary>
public sealed record EmulatorSeed
{
    /// <summary>Applications (client_id, client_secret, handlers, scopes).</summary>
    public ImmutableArray<MarketApp> Apps { get; init; } = [];

    /// <summary>Portals with users, CRM and webhooks.</summary>
    public ImmutableArray<PortalDefinition> Portals { get; init; } = [];
}
