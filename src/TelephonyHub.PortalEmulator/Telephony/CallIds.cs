using System.Security.Cryptography;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>CALL_ID as the server makes it: <c>externalCall.{md5 hex}.{unix seconds}</c> (reference §5.0, §9 item 7).</summary>
public static class CallIds
{
    /// <summary>A new, unique CALL_ID stamped with <paramref name="now"/>.</summary>
    public static string New(DateTimeOffset now) =>
        $"externalCall.{Convert.ToHexStringLower(MD5.HashData(RandomNumberGenerator.GetBytes(16)))}.{now.ToUnixTimeSeconds()}";
}
