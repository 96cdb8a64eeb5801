namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>An external line of one application (reference §5.7); lines are scoped to the app that made them.</summary>
/// <param name="Id">Line row id.</param>
/// <param name="ClientId">Owning application.</param>
/// <param name="Number">Line number (trimmed, ≤ 50 chars).</param>
/// <param name="Name">Display name; null when not given.</param>
/// <param name="CrmAutoCreate">Create a lead on outgoing click-to-call when the number is unknown.</param>
public sealed record ExternalLine(int Id, string ClientId, string Number, string? Name, bool CrmAutoCreate);
