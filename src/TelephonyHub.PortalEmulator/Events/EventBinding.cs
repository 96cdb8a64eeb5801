namespace TelephonyHub.PortalEmulator.Events;

/// <summary>A handler bound with <c>event.bind</c> (reference §4.6).</summary>
/// <param name="Id">Handler id, sent as <c>event_handler_id</c>.</param>
/// <param name="ClientId">Application that bound it.</param>
/// <param name="Event">Upper-case event code.</param>
/// <param name="Handler">Handler URL.</param>
/// <param name="AuthType">User whose token events carry; 0 = the user who triggered the event.</param>
/// <param name="Offline">Bound with <c>event_type=offline</c> (stored, never pushed).</param>
public sealed record EventBinding(int Id, string ClientId, string Event, string Handler, int AuthType, bool Offline);
