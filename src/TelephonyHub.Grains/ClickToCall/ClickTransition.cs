namespace TelephonyHub.Grains.ClickToCall;

/// <summary>The result of offering something to a click: the new state, what to do, and why nothing changed if so.</summary>
public sealed record ClickTransition(ClickToCallState State, ImmutableArray<ClickEffect> Effects, bool Changed, string? Note)
{
    public static ClickTransition Applied(ClickToCallState state, params ImmutableArray<ClickEffect> effects) => new(state, effects, true, null);

    /// <summary>Nothing changes (a late acknowledgement, a repeated delivery...); <paramref name="why"/> is logged.</summary>
    public static ClickTransition Unchanged(ClickToCallState state, string why) => new(state, [], false, why);
}
