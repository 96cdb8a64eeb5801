using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Portals;

/// <summary>What a portal's admin sets on the settings page.</summary>
[GenerateSerializer, Immutable, Alias("portal-settings-v1")]
public sealed record PortalSettings
{
    /// <summary>ISO 3166 region for reading national numbers (e.g. "DE" reads "030 123" as +4930123).</summary>
    [Id(0)] public string PhoneRegion { get; init; } = "DE";

    /// <summary><c>ADD_TO_CHAT</c> on finish: post the call summary to the user's chat.</summary>
    [Id(1)] public bool AddToChat { get; init; } = true;

    /// <summary>How long a finish waits for a recording the PBX promised.</summary>
    [Id(2)] public TimeSpan RecordingMaxWait { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Owner of calls nobody else owns; null means the installing admin.</summary>
    [Id(3)] public long? FallbackUserId { get; init; }

    /// <summary>The external line registered at install, shown in Bitrix24 as the app's outgoing line.</summary>
    [Id(4)] public string LineNumber { get; init; } = "1";

    [Id(5)] public string LineName { get; init; } = "TelephonyHub";

    /// <summary>
    /// Bitrix24 can download recordings from the PBX's URLs itself, so the hub attaches with <c>RECORD_URL</c>. Off
    /// by default: most PBXs sit behind a firewall, and Bitrix24 tries a URL once, silently (reference §5.3–5.4), so
    /// the hub fetches the file and uploads it.
    /// </summary>
    [Id(30)] public bool PortalFetchesRecordingUrls { get; init; }

    /// <summary>CRM routing of inbound calls (scenario 3) and lead creation for unknown callers.</summary>
    [Id(40)] public CrmRoutingSettings CrmRouting { get; init; } = new();

    /// <summary>Call queues, one per line at most (an empty line: the default queue). See <see cref="PortalQueues"/>.</summary>
    [Id(10)] public ImmutableArray<QueueDefinition> Queues { get; init; } = [];
}
