using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Presence;

/// <summary>
/// Who is free, as plain functions over the presence state: the PBX's reports plus the operators each call holds.
/// The presence grain applies them one request at a time; that is what makes handing out operators atomic.
/// </summary>
public static class OperatorBoard
{
    /// <summary>
    /// How long after its step deadline a reservation still counts without news from the call. The call's timer
    /// renews or drops it at the deadline; only a call whose silo died is late, and its reminder wakes it within
    /// about a minute. After this grace its operators are free again for other calls.
    /// </summary>
    public static readonly TimeSpan OfferGrace = TimeSpan.FromMinutes(2);

    /// <summary>The longest a talking operator counts as busy without the call saying it ended (a lost hang-up).</summary>
    public static readonly TimeSpan TalkLimit = TimeSpan.FromHours(12);

    /// <summary>
    /// Reserves the free members of the first group that has any for <see cref="OperatorOffer.CallKey"/>, replacing
    /// whatever that call held.
    /// </summary>
    public static (PresenceState State, OfferOutcome Outcome) Offer(PresenceState state, OperatorOffer offer, DateTimeOffset now)
    {
        state = Prune(state, now);
        var held = HeldBy(state, exceptCall: offer.CallKey);
        for (var group = 0; group < offer.Groups.Length; group++)
        {
            var free = offer.Groups[group].Members
                .Where(m => !held.Contains(m.UserId) && IsReachable(state, m.Extension))
                .DistinctBy(m => m.UserId)
                .ToImmutableArray();
            if (!free.IsEmpty)
            {
                var engagement = new OperatorEngagement
                {
                    Kind = EngagementKind.Offered, Members = free, Since = now, ExpiresAt = offer.Until + OfferGrace,
                };
                return (state with { Engagements = state.Engagements.SetItem(offer.CallKey, engagement) }, new OfferOutcome(group, free));
            }
        }

        return (Release(state, offer.CallKey), OfferOutcome.NobodyFree);
    }

    /// <summary>The call was answered by <paramref name="userId"/>: it holds them (and nobody else) while it lasts.</summary>
    public static PresenceState Engage(PresenceState state, string callKey, long userId, DateTimeOffset now)
    {
        var engagement = new OperatorEngagement
        {
            Kind = EngagementKind.Talking,
            Members = [new QueueMember(userId, Extension: "")], // a talking operator is not watched by extension
            Since = now,
            ExpiresAt = now + TalkLimit,
        };
        return Prune(state, now) with { Engagements = state.Engagements.SetItem(callKey, engagement) };
    }

    public static PresenceState Release(PresenceState state, string callKey) =>
        state.Engagements.ContainsKey(callKey) ? state with { Engagements = state.Engagements.Remove(callKey) } : state;

    /// <summary>Calls offered to the user of <paramref name="extension"/> right now: told when it stops being reachable.</summary>
    public static ImmutableArray<(string CallKey, long UserId)> OfferedAt(PresenceState state, string extension, DateTimeOffset now) =>
    [
        .. state.Engagements
            .Where(e => e.Value.Kind == EngagementKind.Offered && e.Value.ExpiresAt > now)
            .SelectMany(e => e.Value.Members.Where(m => m.Extension == extension).Select(m => (e.Key, m.UserId))),
    ];

    /// <summary>User → the call holding them (when two calls hold one user, e.g. a lost hang-up, the newest).</summary>
    public static ImmutableDictionary<long, string> Held(PresenceState state, DateTimeOffset now)
    {
        var held = ImmutableDictionary.CreateBuilder<long, string>();
        foreach (var (callKey, engagement) in state.Engagements.Where(e => e.Value.ExpiresAt > now).OrderBy(e => e.Value.Since))
        {
            foreach (var member in engagement.Members)
            {
                held[member.UserId] = callKey;
            }
        }

        return held.ToImmutable();
    }

    /// <summary>The PBX does not report the extension busy, in do-not-disturb or offline. Never reported: reachable.</summary>
    public static bool IsReachable(PresenceState state, string extension) =>
        !state.Extensions.TryGetValue(extension, out var presence) || presence.State == ExtensionState.Idle;

    private static HashSet<long> HeldBy(PresenceState state, string exceptCall) =>
    [
        .. state.Engagements.Where(e => e.Key != exceptCall).SelectMany(e => e.Value.Members.Select(m => m.UserId)),
    ];

    private static PresenceState Prune(PresenceState state, DateTimeOffset now)
    {
        var expired = state.Engagements.Where(e => e.Value.ExpiresAt <= now).Select(e => e.Key).ToArray();
        return expired.Length == 0 ? state : state with { Engagements = state.Engagements.RemoveRange(expired) };
    }
}
