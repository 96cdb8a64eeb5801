namespace TelephonyHub.PortalEmulator.Limits;

/// <summary>A portal's live limit counters. One bucket per portal: every caller here comes from the same source IP.</summary>
internal sealed class PortalLimiter
{
    /// <summary>Request-rate limit (reference §2.1).</summary>
    public LeakyBucket Bucket { get; } = new();

    /// <summary>Execution-time limit (reference §2.2).</summary>
    public OperatingBudget Operating { get; } = new();
}
