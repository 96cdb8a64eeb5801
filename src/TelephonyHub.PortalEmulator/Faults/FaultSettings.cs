using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.PortalEmulator.Faults;

/// <summary>
/// Faults injected into a portal's REST answers (not into the OAuth server, which is a separate host in
/// reality). Several can be on at once: delay first, then unreachable, then the 5xx answer.
/// </summary>
public sealed record FaultSettings
{
    /// <summary>Abort the connection without an answer, as a portal that cannot be reached.</summary>
    public bool Unreachable { get; init; }

    /// <summary>Hold every answer this long (on the emulator clock: a fake clock must be advanced).</summary>
    [Range(0, 600_000)]
    public int DelayMilliseconds { get; init; }

    /// <summary>Answer every request with this 5xx status (500 JSON <c>INTERNAL_SERVER_ERROR</c>, 502/504 an HTML page).</summary>
    [Range(500, 599)]
    public int? ServerErrorStatus { get; init; }

    /// <summary>
    /// How many more requests <see cref="Unreachable"/> and <see cref="ServerErrorStatus"/> hit before they clear
    /// themselves; null: until changed.
    /// </summary>
    [Range(0, int.MaxValue)]
    public int? RemainingFaultedRequests { get; init; }

    /// <summary>Lifetime of access tokens issued from now on, in seconds (3600 in Bitrix24); lower it to expire tokens early.</summary>
    [Range(1, 86_400)]
    public int AccessTokenLifetimeSeconds { get; init; } = 3600;

    /// <summary>True when the next request must be answered by a fault rather than by the portal.</summary>
    public bool FailsRequests => Unreachable || ServerErrorStatus is not null;
}
