using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>
/// Which user sees which call card: show/hide/register/finish push UI commands to users' browsers; this keeps
/// the result, and a timeline entry for every card that really appears or disappears.
/// </summary>
public static class CardBoard
{
    /// <summary>The card of <paramref name="callId"/> appears for each user not already seeing it.</summary>
    public static PortalSnapshot Show(PortalSnapshot s, IEnumerable<int> userIds, string callId, DateTimeOffset now, string cause)
    {
        foreach (var userId in userIds.Distinct())
        {
            if (!s.Cards.Exists(c => c.UserId == userId && c.CallId == callId))
            {
                s = s with
                {
                    Cards = s.Cards.Add(new CardView(userId, callId, now)),
                    CardTimeline = s.CardTimeline.Add(new CardChange(now, userId, callId, Shown: true, cause)),
                };
            }
        }

        return s;
    }

    /// <summary>The card of <paramref name="callId"/> disappears for each user seeing it.</summary>
    public static PortalSnapshot Hide(PortalSnapshot s, IEnumerable<int> userIds, string callId, DateTimeOffset now, string cause)
    {
        foreach (var userId in userIds.Distinct())
        {
            var card = s.Cards.Find(c => c.UserId == userId && c.CallId == callId);
            if (card is not null)
            {
                s = s with
                {
                    Cards = s.Cards.Remove(card),
                    CardTimeline = s.CardTimeline.Add(new CardChange(now, userId, callId, Shown: false, cause)),
                };
            }
        }

        return s;
    }
}
