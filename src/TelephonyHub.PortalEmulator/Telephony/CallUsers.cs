using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>USER_ID / USER_PHONE_INNER resolution shared by register and finish (reference §5.1).</summary>
internal static class CallUsers
{
    /// <summary>
    /// <c>(int)USER_ID</c> when non-zero, else the active user whose extension equals USER_PHONE_INNER exactly;
    /// null when neither gives a user ("USER_ID or USER_PHONE_INNER should be set").
    /// </summary>
    public static int? Resolve(PortalSnapshot s, RestParameters p)
    {
        var userId = p.Int("USER_ID");
        if (userId != 0)
        {
            return userId;
        }

        var inner = p.String("USER_PHONE_INNER");
        return string.IsNullOrEmpty(inner) ? null : s.Users.Find(u => u.Active && u.Extension == inner)?.Id;
    }

    /// <summary>Throws "User is not found or is not active" unless the user exists and is active.</summary>
    public static void EnsureActive(RestCall call, PortalSnapshot s, int userId)
    {
        if (s.User(userId) is not { Active: true })
        {
            throw call.Invalid("User is not found or is not active");
        }
    }
}
