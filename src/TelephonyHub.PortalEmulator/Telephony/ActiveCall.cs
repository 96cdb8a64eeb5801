using TelephonyHub.PortalEmulator.Crm;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>A registered, not yet finished call (reference §5.0 lifecycle step 1).</summary>
public sealed record ActiveCall
{
    /// <summary><c>externalCall.{md5}.{unix}</c>.</summary>
    public required string CallId { get; init; }

    /// <summary>PBX-side id as given to register; null when not given.</summary>
    public string? ExternalCallId { get; init; }

    /// <summary>The application that registered it (scopes de-duplication, reference §5.0).</summary>
    public required string ClientId { get; init; }

    /// <summary>User the call was registered for.</summary>
    public required int UserId { get; init; }

    /// <summary>Customer number as stored (letters stripped).</summary>
    public required string PhoneNumber { get; init; }

    /// <summary>Call type.</summary>
    public required CallType Type { get; init; }

    /// <summary>Line number given to register; null when none (then the portal number is <c>REST_APP:{id}</c>).</summary>
    public string? LineNumber { get; init; }

    /// <summary>Line number or <c>REST_APP:{appId}</c>, as finish reports <c>PORTAL_NUMBER</c>.</summary>
    public required string PortalNumber { get; init; }

    /// <summary>When the portal registered it (emulator clock): the de-duplication window starts here.</summary>
    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary><c>CALL_START_DATE</c> as given, or the registration time.</summary>
    public required DateTimeOffset CallStartDate { get; init; }

    /// <summary>Primary CRM entity type, or null.</summary>
    public CrmEntityType? CrmEntityType { get; init; }

    /// <summary>Primary CRM entity id, or null.</summary>
    public int? CrmEntityId { get; init; }

    /// <summary>Lead auto-created by this call, or null.</summary>
    public int? CreatedLeadId { get; init; }

    /// <summary>CRM call list id; null when none.</summary>
    public int? CallListId { get; init; }

    /// <summary>What registered it: the REST method or <c>click-to-call</c>.</summary>
    public required string RegisteredBy { get; init; }
}
