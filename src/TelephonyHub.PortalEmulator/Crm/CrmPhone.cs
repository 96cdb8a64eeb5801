namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>One value of the <c>PHONE</c> multi-field (reference §6.3).</summary>
/// <param name="Value">The number as typed into the CRM.</param>
/// <param name="ValueType">WORK, MOBILE, HOME…</param>
public sealed record CrmPhone(string Value, string ValueType = "WORK");
