namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>User <paramref name="UserId"/> has the card of <paramref name="CallId"/> on screen right now.</summary>
/// <param name="UserId">Bitrix24 user.</param>
/// <param name="CallId">The call whose card is shown.</param>
/// <param name="Since">When it appeared (emulator clock).</param>
public sealed record CardView(int UserId, string CallId, DateTimeOffset Since);
