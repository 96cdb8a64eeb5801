using TelephonyHub.PortalEmulator.Crm;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>A statistics row written by finish: the portal's call log (reference §5.3).</summary>
public sealed record CallRecord
{
    /// <summary>Statistics row id (<c>ID</c>).</summary>
    public required int Id { get; init; }

    /// <summary>The call's CALL_ID.</summary>
    public required string CallId { get; init; }

    /// <summary>PBX-side id as given to register.</summary>
    public string? ExternalCallId { get; init; }

    /// <summary>Finishing user (<c>PORTAL_USER_ID</c>).</summary>
    public required int UserId { get; init; }

    /// <summary>User the call was registered for.</summary>
    public required int RegisteredUserId { get; init; }

    /// <summary>Customer number as stored.</summary>
    public required string PhoneNumber { get; init; }

    /// <summary><c>PORTAL_NUMBER</c>: line number or <c>REST_APP:{id}</c>.</summary>
    public required string PortalNumber { get; init; }

    /// <summary>Call type (<c>INCOMING</c> on the wire).</summary>
    public required CallType Type { get; init; }

    /// <summary>Start date as registered.</summary>
    public required DateTimeOffset CallStartDate { get; init; }

    /// <summary>Talk time in seconds.</summary>
    public required int Duration { get; init; }

    /// <summary>1 iff the duration is positive (reference §5.3), whatever the status code says.</summary>
    public required int CallStatus { get; init; }

    /// <summary>Effective <c>STATUS_CODE</c> (<c>CALL_FAILED_CODE</c>).</summary>
    public required string StatusCode { get; init; }

    /// <summary><c>FAILED_REASON</c>.</summary>
    public required string FailedReason { get; init; }

    /// <summary><c>COST</c>.</summary>
    public required double Cost { get; init; }

    /// <summary><c>COST_CURRENCY</c>.</summary>
    public required string CostCurrency { get; init; }

    /// <summary><c>VOTE</c>, 0 when not given.</summary>
    public required int Vote { get; init; }

    /// <summary>Effective <c>ADD_TO_CHAT</c>: false when omitted, as the server does (reference open question 2).</summary>
    public required bool AddToChat { get; init; }

    /// <summary>Primary CRM entity type, or null.</summary>
    public CrmEntityType? CrmEntityType { get; init; }

    /// <summary>Primary CRM entity id, or null.</summary>
    public int? CrmEntityId { get; init; }

    /// <summary>The CRM call activity created by finish (null for internal calls without CRM).</summary>
    public int? CrmActivityId { get; init; }

    /// <summary>CRM call list id, or null.</summary>
    public int? CallListId { get; init; }

    /// <summary>Finishing application.</summary>
    public required string ClientId { get; init; }

    /// <summary>When finish ran (emulator clock).</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Attached record, or null.</summary>
    public CallRecording? Recording { get; init; }

    /// <summary><c>RECORD_URL</c> given to finish (deprecated download), or null.</summary>
    public string? RecordUrl { get; init; }
}
