namespace TelephonyHub.Abstractions.Portals;

/// <summary>How a portal gets its call recordings (scenario 5), as its admin sets them.</summary>
[GenerateSerializer, Immutable, Alias("portal-recording-settings-v1")]
public sealed record PortalRecordingSettings
{
    /// <summary>
    /// How long the finish of an ended call waits for a recording the PBX promised (0 to 24 hours). The hub's own
    /// ceiling (<c>Recordings:MaxRecordingWait</c>) still applies.
    /// </summary>
    [Id(0)] public required TimeSpan MaxWait { get; init; }

    /// <summary>
    /// Bitrix24 can download recordings from the PBX's URLs itself (the PBX is reachable from the internet):
    /// attach with <c>RECORD_URL</c>. Off by default: the hub fetches the file and uploads it (reference §5.4).
    /// </summary>
    [Id(1)] public required bool PortalFetchesRecordingUrls { get; init; }
}
