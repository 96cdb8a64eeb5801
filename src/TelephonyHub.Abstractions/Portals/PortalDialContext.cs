namespace TelephonyHub.Abstractions.Portals;

/// <summary>What placing a call the CRM asked for needs from its portal: the settings and who has which extension.</summary>
[GenerateSerializer, Immutable, Alias("portal-dial-context-v1")]
public sealed record PortalDialContext
{
    /// <summary>False when the app is not (or no longer) installed: nothing can be recorded in Bitrix24.</summary>
    [Id(0)] public required bool Installed { get; init; }

    /// <summary>ISO 3166 region used to read national phone numbers (e.g. "DE").</summary>
    [Id(1)] public required string DefaultRegion { get; init; }

    [Id(2)] public required bool AddToChat { get; init; }

    /// <summary>Owner of calls nobody else owns: the installing admin, unless the settings name another user.</summary>
    [Id(3)] public required long FallbackUserId { get; init; }

    /// <summary>Extension → Bitrix24 user, the admin's overrides applied.</summary>
    [Id(4)] public ImmutableDictionary<string, long> Extensions { get; init; } = ImmutableDictionary<string, long>.Empty;
}
