namespace TelephonyHub.Abstractions.Portals;

/// <summary>What a new call needs from its portal: the settings, and who owns the extension it names.</summary>
[GenerateSerializer, Immutable, Alias("portal-call-context-v1")]
public sealed record PortalCallContext
{
    /// <summary>False when the app is not (or no longer) installed: the call cannot be recorded in Bitrix24.</summary>
    [Id(0)] public required bool Installed { get; init; }

    /// <summary>ISO 3166 region used to read national phone numbers (e.g. "DE").</summary>
    [Id(1)] public required string DefaultRegion { get; init; }

    [Id(2)] public required bool AddToChat { get; init; }

    [Id(3)] public required TimeSpan RecordingMaxWait { get; init; }

    /// <summary>Owner of calls nobody else owns: the installing admin, unless the settings name another user.</summary>
    [Id(4)] public required long FallbackUserId { get; init; }

    /// <summary>The Bitrix24 user owning the extension asked about, if any.</summary>
    [Id(5)] public long? ExtensionUserId { get; init; }

    /// <summary>
    /// Bitrix24 can reach the PBX's recording URLs itself: attach with <c>RECORD_URL</c> instead of fetching and
    /// uploading the file (reference §5.4 mode 1).
    /// </summary>
    [Id(40)] public bool PortalFetchesRecordingUrls { get; init; }

    /// <summary>CRM routing of inbound calls (scenario 3) and lead creation for unknown callers.</summary>
    [Id(50)] public CrmRoutingSettings CrmRouting { get; init; } = new();
}
