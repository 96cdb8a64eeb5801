namespace TelephonyHub.Grains.Portals;

/// <summary>A portal as the hub stores it. Tokens are encrypted; the application token and PBX keys are hashed.</summary>
[GenerateSerializer, Alias("portal-state-v1")]
public sealed record PortalState
{
    [Id(0)] public PortalLifecycle Lifecycle { get; init; }

    [Id(1)] public string? Domain { get; init; }

    [Id(2)] public Uri? ClientEndpoint { get; init; }

    /// <summary>Access and refresh token, encrypted with the hub's data-protection keys.</summary>
    [Id(3)] public string? ProtectedTokens { get; init; }

    [Id(4)] public byte[]? ApplicationTokenHash { get; init; }

    [Id(5)] public long InstallerUserId { get; init; }

    [Id(6)] public ImmutableArray<string> Scope { get; init; } = [];

    /// <summary>Extension → user, as <c>user.get</c> returned <c>UF_PHONE_INNER</c>.</summary>
    [Id(7)] public ImmutableDictionary<string, long> SyncedExtensions { get; init; } = ImmutableDictionary<string, long>.Empty;

    /// <summary>Extension → user set by the admin; wins over the synced map.</summary>
    [Id(8)] public ImmutableDictionary<string, long> ExtensionOverrides { get; init; } = ImmutableDictionary<string, long>.Empty;

    [Id(9)] public ImmutableArray<PbxKeyRecord> PbxKeys { get; init; } = [];

    [Id(10)] public PortalSettings Settings { get; init; } = new();

    [Id(11)] public DateTimeOffset? InstalledAt { get; init; }

    [Id(12)] public DateTimeOffset? UninstalledAt { get; init; }

    [Id(13)] public DateTimeOffset? UsersSyncedAt { get; init; }

    [Id(14)] public Uri? EventHandlerUrl { get; init; }

    [Id(15)] public string? AppVersion { get; init; }

    /// <summary>Extensions collected page by page while a user sync runs; replaces the synced map when it ends.</summary>
    [Id(16)] public ImmutableDictionary<string, long>? UserSyncInProgress { get; init; }

    /// <summary>Active users (id → name) from the last completed sync.</summary>
    [Id(17)] public ImmutableDictionary<long, string> SyncedUsers { get; init; } = ImmutableDictionary<long, string>.Empty;

    /// <summary>Users collected page by page while a sync runs.</summary>
    [Id(18)] public ImmutableDictionary<long, string>? UserNamesInProgress { get; init; }

    /// <summary>When the current tokens were issued (install or refresh); null for tokens stored before it was kept.</summary>
    [Id(19)] public DateTimeOffset? TokensIssuedAt { get; init; }
}
