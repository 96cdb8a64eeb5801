using System.Collections.Immutable;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Limits;

/// <summary>
/// A portal's request limits (reference §2). Benchmarks raise or disable them; tests shrink them and drive
/// them with a fake clock.
/// </summary>
public sealed record LimitSettings
{
    /// <summary>Leaky bucket size X: requests accepted in a burst (50 ordinary, 250 enterprise).</summary>
    public double BucketSize { get; init; } = 50;

    /// <summary>Leaky bucket drain rate Y in requests per second (2 ordinary, 5 enterprise).</summary>
    public double DrainPerSecond { get; init; } = 2;

    /// <summary>True: the leaky bucket never answers <c>QUERY_LIMIT_EXCEEDED</c>.</summary>
    public bool BucketDisabled { get; init; }

    /// <summary>Operating-time budget per (app, method) over the last 10 minutes, in seconds (reference §2.2: 480).</summary>
    public double OperatingLimitSeconds { get; init; } = 480;

    /// <summary>True: the operating limit never answers <c>OPERATION_TIME_LIMIT</c>.</summary>
    public bool OperatingDisabled { get; init; }

    /// <summary>
    /// Execution time charged for each call of a method (lower-case name → seconds), on top of the time the
    /// emulator really spent. An emulated method runs in microseconds, so tests charge a cost to reach the budget.
    /// </summary>
    public ImmutableDictionary<string, double> MethodCostSeconds { get; init; } = ImmutableDictionary<string, double>.Empty;

    /// <summary>The defaults of a plan: 50/2 ordinary, 250/5 enterprise (reference §2.1).</summary>
    public static LimitSettings For(PortalPlan plan) => plan == PortalPlan.Enterprise
        ? new LimitSettings { BucketSize = 250, DrainPerSecond = 5 }
        : new LimitSettings();
}
