namespace TelephonyHub.PortalEmulator.Limits;

/// <summary>A method's operating-time budget as the <c>time</c> block reports it (reference §1.3, §2.2).</summary>
/// <param name="Operating">Seconds used in the last 10 minutes (<c>time.operating</c>).</param>
/// <param name="ResetAt">When the oldest minute bucket drops (<c>time.operating_reset_at</c>); null when none is used.</param>
public readonly record struct OperatingState(double Operating, DateTimeOffset? ResetAt);
