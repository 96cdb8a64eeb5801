namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>What the portal's call log must show for a call the PBX played: its real start, talk time, status, user.</summary>
internal sealed record ExpectedCallRecord(string CallId, DateTimeOffset StartedAt, int Duration, string StatusCode, int UserId);
