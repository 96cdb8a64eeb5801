using System.Collections.Immutable;
using TelephonyHub.PortalEmulator.Events;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>What a click-to-call did: the call the portal registered, and the ONEXTERNALCALLSTART POSTs.</summary>
/// <param name="CallId">The CALL_ID Bitrix24 registered (TYPE=1) before sending the event.</param>
/// <param name="ClientId">The app owning the line.</param>
/// <param name="CrmEntityType">Wire name of the CRM binding, or "".</param>
/// <param name="CrmEntityId">CRM binding id, 0 when none.</param>
/// <param name="CreatedLeadId">Lead auto-created for an unknown number, or null.</param>
/// <param name="Deliveries">One per bound handler.</param>
public sealed record ClickToCallOutcome(
    string CallId, string ClientId, string CrmEntityType, int CrmEntityId, int? CreatedLeadId, ImmutableArray<EventDelivery> Deliveries);
