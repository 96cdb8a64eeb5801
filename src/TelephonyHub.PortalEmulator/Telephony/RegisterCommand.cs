using TelephonyHub.PortalEmulator.Crm;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>A validated register request (from REST or from the portal's own click-to-call).</summary>
public sealed record RegisterCommand
{
    /// <summary>Registering app.</summary>
    public required string ClientId { get; init; }

    /// <summary>The app's id on the portal (for <c>REST_APP:{id}</c>).</summary>
    public required int AppId { get; init; }

    /// <summary>User the call belongs to.</summary>
    public required int UserId { get; init; }

    /// <summary>Customer number, normalised.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>Call type.</summary>
    public required CallType Type { get; init; }

    /// <summary>Start date; null means now.</summary>
    public DateTimeOffset? CallStartDate { get; init; }

    /// <summary>Create a lead when nothing matches.</summary>
    public bool CrmCreate { get; init; }

    /// <summary><c>CRM_SOURCE</c> of a created lead.</summary>
    public string? CrmSource { get; init; }

    /// <summary>Forced binding type (with <see cref="CrmEntityId"/>).</summary>
    public CrmEntityType? CrmEntityType { get; init; }

    /// <summary>Forced binding id.</summary>
    public int CrmEntityId { get; init; }

    /// <summary>Show the card to <see cref="UserId"/>.</summary>
    public bool Show { get; init; } = true;

    /// <summary>Line number (trimmed, ≤ 50 chars); null when none.</summary>
    public string? LineNumber { get; init; }

    /// <summary>PBX-side id; null when none.</summary>
    public string? ExternalCallId { get; init; }

    /// <summary>CRM call list; null when none.</summary>
    public int? CallListId { get; init; }

    /// <summary>What registers it: the REST method or <c>click-to-call</c>.</summary>
    public required string Cause { get; init; }
}
