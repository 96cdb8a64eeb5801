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
}
