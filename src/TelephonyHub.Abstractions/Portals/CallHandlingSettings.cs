namespace TelephonyHub.Abstractions.Portals;

/// <summary>How a portal's calls are recorded in Bitrix24, as its admin sets it on the settings page.</summary>
[GenerateSerializer, Immutable, Alias("call-handling-settings-v1")]
public sealed record CallHandlingSettings
{
    /// <summary>ISO 3166 region for reading national numbers (e.g. "DE").</summary>
    [Id(0)] public required string PhoneRegion { get; init; }

    /// <summary>Post the call summary to the user's Bitrix24 chat (<c>ADD_TO_CHAT</c>).</summary>
    [Id(1)] public required bool AddToChat { get; init; }

    /// <summary>How long a finish waits for a recording the PBX promised (0 to 120 minutes).</summary>
    [Id(2)] public required TimeSpan RecordingMaxWait { get; init; }

    /// <summary>Owner of calls nobody else owns; null means the installing admin.</summary>
    [Id(3)] public long? FallbackUserId { get; init; }

    /// <summary>
    /// Bitrix24 can reach the PBX's recording URLs itself: attach recordings by <c>RECORD_URL</c> instead of
    /// uploading them through the hub (reference §5.4).
    /// </summary>
    [Id(4)] public bool PortalFetchesRecordingUrls { get; init; }
}
