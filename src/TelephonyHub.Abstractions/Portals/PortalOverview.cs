namespace TelephonyHub.Abstractions.Portals;

/// <summary>A portal as its settings page shows it. Never carries secrets.</summary>
[GenerateSerializer, Immutable, Alias("portal-overview-v1")]
public sealed record PortalOverview
{
    [Id(0)] public required string PortalId { get; init; }

    [Id(1)] public string? Domain { get; init; }

    /// <summary>"None", "Installed", "NeedsReinstall" or "Uninstalled".</summary>
    [Id(2)] public required string Lifecycle { get; init; }

    [Id(3)] public Uri? ClientEndpoint { get; init; }

    [Id(4)] public DateTimeOffset? InstalledAt { get; init; }

    [Id(5)] public ImmutableArray<PbxKeySummary> PbxKeys { get; init; } = [];

    /// <summary>Extension → Bitrix24 user, overrides applied.</summary>
    [Id(6)] public ImmutableDictionary<string, long> Extensions { get; init; } = ImmutableDictionary<string, long>.Empty;

    [Id(7)] public DateTimeOffset? UsersSyncedAt { get; init; }

    /// <summary>Active Bitrix24 users (id → name) as the last sync found them.</summary>
    [Id(8)] public ImmutableDictionary<long, string> Users { get; init; } = ImmutableDictionary<long, string>.Empty;

    /// <summary>The extensions the admin mapped by hand (they win over the synced ones).</summary>
    [Id(9)] public ImmutableDictionary<string, long> ExtensionOverrides { get; init; } = ImmutableDictionary<string, long>.Empty;

    [Id(10)] public CallHandlingSettings? CallHandling { get; init; }

    /// <summary>The installing admin: the fallback owner unless the settings name another user.</summary>
    [Id(11)] public long InstallerUserId { get; init; }

    /// <summary>CRM routing of inbound calls (scenario 3) and lead creation for unknown callers.</summary>
    [Id(50)] public CrmRoutingSettings CrmRouting { get; init; } = new();
}
