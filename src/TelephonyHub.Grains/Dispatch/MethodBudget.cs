namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// A method's execution-time budget as the portal last reported it in a <c>time</c> block (reference §1.3, §2.2):
/// what is used of it in the last ten minutes and when its oldest minute drops.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch-method-budget-v1")]
public sealed record MethodBudget
{
    /// <summary><c>time.operating</c>: execution time of this method summed over the last 10 minutes.</summary>
    [Id(0)] public required TimeSpan Operating { get; init; }

    /// <summary><c>time.operating_reset_at</c>: when the oldest minute bucket of that sum drops.</summary>
    [Id(1)] public DateTimeOffset? ResetAt { get; init; }

    [Id(2)] public required DateTimeOffset ObservedAt { get; init; }
}
