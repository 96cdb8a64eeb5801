using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// What one HTTP request to the portal brought back. <see cref="RequestError"/> is set when the request failed as a
/// whole (unreachable, 5xx, bucket full, token, a batch the portal refused): then no command ran and every outcome
/// carries that error. Otherwise each outcome has its own answer.
/// </summary>
public sealed record Transmission(ImmutableArray<SentOutcome> Outcomes, Bitrix24Error? RequestError)
{
    /// <summary>The access token expired (reference §1.4: refresh, then send again).</summary>
    public bool TokenExpired => RequestError?.RequiresTokenRefresh == true || Outcomes.Any(o => o.Error?.RequiresTokenRefresh == true);
}
