using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Grains.CrmRouting;

/// <summary>How long a CRM-routed call waits on Bitrix24 and on the PBX. Section <c>CrmRouting</c>.</summary>
public sealed class CrmRoutingOptions
{
    /// <summary>
    /// How long a caller waits for Bitrix24 to say who their manager is before the call goes to the line's queue (a
    /// slow or unreachable portal must not keep callers waiting, scenario 6). Default 3 seconds; a healthy portal
    /// answers in well under one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:00:30")]
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the PBX has to acknowledge the transfer to the manager before the call goes to the queue instead
    /// (never longer than the portal's manager answer time). Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan TransferAcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
