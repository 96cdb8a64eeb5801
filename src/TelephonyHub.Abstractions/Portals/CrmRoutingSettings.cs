namespace TelephonyHub.Abstractions.Portals;

/// <summary>
/// How a portal routes inbound calls from numbers its CRM knows (scenario 3), as its admin sets it on the settings
/// page. Off by default: turning it on costs one <c>searchCrmEntities</c> per inbound call to a line, before the call
/// is registered.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm-routing-settings-v1")]
public sealed record CrmRoutingSettings
{
    /// <summary>The shortest and longest time the responsible manager may take to answer.</summary>
    public static readonly TimeSpan MinManagerAnswerTime = TimeSpan.FromSeconds(5);

    /// <inheritdoc cref="MinManagerAnswerTime"/>
    public static readonly TimeSpan MaxManagerAnswerTime = TimeSpan.FromSeconds(120);

    /// <summary>
    /// An inbound call that names no extension rings the CRM's responsible manager of the caller's number first, when
    /// that manager has an extension, is free and at work; otherwise (and when they do not answer) the line's queue.
    /// </summary>
    [Id(0)] public bool Enabled { get; init; }

    /// <summary>
    /// For a caller who is a contact or company: the responsible of their most recently modified open deal wins over
    /// the contact's (or company's) own responsible. Costs one <c>crm.deal.list</c> per such call.
    /// </summary>
    [Id(1)] public bool PreferOpenDeal { get; init; }

    /// <summary>How long the manager's phone rings before the call goes to the line's queue (5 to 120 seconds).</summary>
    [Id(2)] public TimeSpan ManagerAnswerTime { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Inbound calls from numbers the CRM does not know create a lead (<c>CRM_CREATE=1</c> on register, reference
    /// §5.1); Bitrix24 makes whoever finishes the call its responsible (§5.3). Applies to every inbound call, routed by
    /// the CRM or not.
    /// </summary>
    [Id(3)] public bool CreateLeads { get; init; }
}
