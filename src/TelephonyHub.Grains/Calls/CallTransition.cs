namespace TelephonyHub.Grains.Calls;

/// <summary>The result of offering an event to a call: the new state, what to do, and the answer for the PBX.</summary>
public sealed record CallTransition(CallState State, ImmutableArray<CallEffect> Effects, EventOutcome Outcome)
{
    /// <summary>True when the state changed and must be stored.</summary>
    public bool Changed => Outcome.Verdict == EventVerdict.Applied;

    public static CallTransition Applied(CallState state, params ImmutableArray<CallEffect> effects) =>
        new(state, effects, EventOutcome.Applied);

    public static CallTransition Ignored(CallState unchanged, string why) =>
        new(unchanged, [], EventOutcome.Ignored(why));

    public static CallTransition Rejected(CallState unchanged, EventRejection rejection, string why) =>
        new(unchanged, [], EventOutcome.Rejected(rejection, why));
}
