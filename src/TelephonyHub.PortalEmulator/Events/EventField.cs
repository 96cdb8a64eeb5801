namespace TelephonyHub.PortalEmulator.Events;

/// <summary>One form field of an event POST, with its PHP bracket name (<c>data[CALL_ID]</c>).</summary>
/// <param name="Name">Field name before URL encoding.</param>
/// <param name="Value">Field value before URL encoding.</param>
public sealed record EventField(string Name, string Value);
