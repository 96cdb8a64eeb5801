namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>A two-step upload promised by attachRecord (reference §5.4 mode 2).</summary>
/// <param name="MemberId">Portal.</param>
/// <param name="CallId">The finished call the file goes to.</param>
public sealed record PendingUpload(string MemberId, string CallId);
