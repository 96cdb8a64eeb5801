using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Which decision a PBX event goes to, in one place. <see cref="CallStarted"/> is not here: starting a call needs the
/// portal's context and routes (<see cref="CallStarter"/>). Every other event goes to the CRM route while the caller's
/// manager is looked up, to the queue when it rings a queued call, else to <see cref="CallDecisions"/>; then the queue
/// and the CRM route follow what the call did (<see cref="Follow"/>, for every event).
/// </summary>
public static class CallEventDecisions
{
    /// <summary>The extensions whose owners the decision on <paramref name="evt"/> needs (looked up in the portal first).</summary>
    public static ImmutableArray<string> ExtensionsOf(CallState state, CallEvent evt) => evt switch
    {
        CallAnswered answered => [answered.Extension],
        CallTransferred transferred => [transferred.ToExtension],
        CallRinging ringing when !CrmRoutingDecisions.IsLookingUp(state) && QueueDecisions.OnRinging(state) is null => ringing.Extensions,
        _ => [],
    };

    /// <param name="users">Extension → user for (some of) <see cref="ExtensionsOf"/>; an extension nobody owns is absent.</param>
    public static CallTransition OnEvent(CallState state, CallEvent evt, ImmutableDictionary<string, long> users, DateTimeOffset now) => evt switch
    {
        CallStarted => throw new ArgumentException("A call starts with the portal's context: CallStarter decides it.", nameof(evt)),
        _ when CrmRoutingDecisions.IsLookingUp(state) => CrmRoutingDecisions.OnEventWhileLookingUp(state, evt, UserOf(users, evt), now),
        CallRinging ringing => QueueDecisions.OnRinging(state)
            ?? CallDecisions.OnRinging(state, ringing, [.. ringing.Extensions.Where(users.ContainsKey).Select(e => users[e])]),
        CallAnswered answered => CallDecisions.OnAnswered(state, answered, UserOf(users, evt)),
        CallTransferred transferred => CallDecisions.OnTransferred(state, transferred, UserOf(users, evt)),
        CallEnded ended => CallDecisions.OnEnded(state, ended, now),
        RecordingReady recording => CallDecisions.OnRecordingReady(state, recording),
        _ => CallTransition.Rejected(state, EventRejection.InvalidArgument, $"Unknown event {evt.GetType().Name}."),
    };

    /// <summary>
    /// True when <paramref name="transition"/> (an event's, before <see cref="Follow"/>) ends the CRM lookup of
    /// <paramref name="before"/>: the PBX moved on (answered, transferred, hung up) before Bitrix24 named the caller's
    /// manager, and the call is registered without CRM routing.
    /// </summary>
    public static bool OvertakesLookup(CallState before, CallTransition transition) =>
        CrmRoutingDecisions.IsLookingUp(before) && transition.Changed && !CrmRoutingDecisions.IsLookingUp(transition.State);

    /// <summary>The queue and the CRM route follow what <paramref name="evt"/> did to the call (releasing operators, ending a route).</summary>
    public static CallTransition Follow(CallState before, CallEvent evt, CallTransition transition) =>
        CrmRoutingDecisions.Follow(before, evt, QueueDecisions.Follow(before, evt, transition));

    private static long? UserOf(ImmutableDictionary<string, long> users, CallEvent evt) => evt switch
    {
        CallAnswered answered => users.TryGetValue(answered.Extension, out var user) ? user : null,
        CallTransferred transferred => users.TryGetValue(transferred.ToExtension, out var user) ? user : null,
        _ => null,
    };
}
