using TelephonyHub.PortalEmulator.Crm;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>What register did.</summary>
/// <param name="CallId">The new CALL_ID, or the existing one when de-duplicated.</param>
/// <param name="Deduplicated">True when an active call matched the 30-minute key (reference §5.1).</param>
/// <param name="CrmEntityType">Primary CRM entity type, or null.</param>
/// <param name="CrmEntityId">Primary CRM entity id, or null.</param>
/// <param name="CreatedLeadId">Lead created by this request, or null.</param>
public sealed record RegisterOutcome(
    string CallId, bool Deduplicated, CrmEntityType? CrmEntityType, int? CrmEntityId, int? CreatedLeadId);
