namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>One change of what a user sees: a card appeared or disappeared.</summary>
/// <param name="At">Emulator clock.</param>
/// <param name="UserId">Bitrix24 user.</param>
/// <param name="CallId">The call.</param>
/// <param name="Shown">True: the card appeared; false: it disappeared.</param>
/// <param name="CausedBy">Normalised method (<c>telephony.externalcall.show</c>…) or <c>click-to-call</c>.</param>
public sealed record CardChange(DateTimeOffset At, int UserId, string CallId, bool Shown, string CausedBy);
