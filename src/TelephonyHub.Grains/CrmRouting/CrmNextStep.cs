using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.CrmRouting;

/// <summary>
/// What a CRM-routed call does next, when that needs the grain's help: store a transition (one more lookup), look up
/// and reserve the manager found (directory and presence), or fall back to the line's queue.
/// </summary>
public sealed record CrmNextStep
{
    private CrmNextStep()
    {
    }

    public CallTransition? Transition { get; private init; }

    public CrmOwner? RouteTo { get; private init; }

    public CrmFallbackReason? FallBack { get; private init; }

    public static CrmNextStep Apply(CallTransition transition) => new() { Transition = transition };

    public static CrmNextStep Route(CrmOwner owner) => new() { RouteTo = owner };

    public static CrmNextStep FallBackBecause(CrmFallbackReason reason) => new() { FallBack = reason };

    public override string ToString() =>
        Transition is not null ? "one more lookup" : RouteTo is { } owner ? $"route to user {owner.UserId}" : $"fall back ({FallBack})";
}
