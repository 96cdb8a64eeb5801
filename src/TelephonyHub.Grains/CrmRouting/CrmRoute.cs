using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.CrmRouting;

/// <summary>
/// An inbound call's way to the CRM's responsible manager (part of the call's state): the stage, the deadline of the
/// current wait (the lookup, then the manager's answer) that a reactivated call re-arms its timer from, and whom it
/// found. Nothing here outlives the call: every call asks Bitrix24 afresh.
/// </summary>
[GenerateSerializer, Immutable, Alias("crm-route-v1")]
public sealed record CrmRoute
{
    [Id(0)] public required CrmRouteStage Stage { get; init; }

    /// <summary>The PBX's id of the call, for the transfer and <c>EXTERNAL_CALL_ID</c>.</summary>
    [Id(1)] public required string PbxCallId { get; init; }

    /// <summary>The portal's settings when the call came; editing them never changes a call already routed.</summary>
    [Id(2)] public required CrmRoutingSettings Settings { get; init; }

    /// <summary>When the current wait ends: the lookup's answer, or the manager's; null when nothing is awaited.</summary>
    [Id(3)] public DateTimeOffset? Deadline { get; init; }

    /// <summary>The effect id of the lookup whose answer is awaited; answers to any other are stale.</summary>
    [Id(4)] public string? PendingLookup { get; init; }

    /// <summary>The search's match while its open deal is looked up.</summary>
    [Id(5)] public CrmEntitySearchResult? Match { get; init; }

    /// <summary>The responsible manager found, if any.</summary>
    [Id(6)] public CrmOwner? Owner { get; init; }

    /// <summary>The manager the call was offered to (presence holds them for it while it rings them).</summary>
    [Id(7)] public QueueMember? Manager { get; init; }

    [Id(8)] public CrmFallbackReason? FellBackBecause { get; init; }
}
