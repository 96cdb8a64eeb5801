using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>How the per-portal dispatch paces, batches and retries Bitrix24 requests. Section <c>Dispatch</c>.</summary>
public sealed class DispatchOptions
{
    /// <summary>Commands per <c>batch</c> call; Bitrix24 allows at most 50 (reference §1.6).</summary>
    [Range(1, 50)]
    public int BatchSize { get; set; } = 50;

    /// <summary>The portal's leaky bucket size until the portal tells otherwise (reference §2.1: 50, or 250 on Enterprise).</summary>
    [Range(1, 10_000)]
    public int BucketCapacity { get; set; } = 50;

    /// <summary>The bucket's drain rate in requests per second (reference §2.1: 2, or 5 on Enterprise).</summary>
    [Range(0.1, 1_000)]
    public double BucketDrainPerSecond { get; set; } = 2;

    /// <summary>Bucket headroom kept for live call cards: records and housekeeping wait when less is left.</summary>
    [Range(0, 1_000)]
    public int LiveCardReserve { get; set; } = 5;

    /// <summary>
    /// While the portal's bucket is at most this full (0 to 1), whatever is ready goes at once, in as small a batch as
    /// it is: a quiet portal answers every event without delay. Beyond it the dispatch spends the bucket more
    /// carefully and waits for batches to fill, a card at most <see cref="CardLinger"/>, a record at most
    /// <see cref="RecordLinger"/>, so a burst of calls costs a few full batches instead of the whole bucket.
    /// </summary>
    [Range(0.0, 1.0)]
    public double EagerBucketShare { get; set; } = 0.4;

    /// <summary>How long a card may wait for company once the bucket is past <see cref="EagerBucketShare"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan CardLinger { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a call record may wait for company once the bucket is past <see cref="EagerBucketShare"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RecordLinger { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A method's execution-time budget per 10 minutes (reference §2.2: 480 s in the cloud). When an answer's
    /// <c>time.operating</c> reaches it, the method waits for <c>operating_reset_at</c> instead of being refused.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OperatingLimit { get; set; } = TimeSpan.FromSeconds(480);

    /// <summary>
    /// First retry delay after a transient failure; doubles per attempt, with ±20 % jitter. A failure of a whole HTTP
    /// request (portal unreachable, 5xx, QUERY_LIMIT_EXCEEDED) backs off the whole portal this way, so that the next
    /// request after the pause carries everything pending and probes the portal for all calls at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest retry delay, and so the longest a recovered portal waits to be noticed. Requests are retried for as
    /// long as it takes: a call record is never dropped for being late.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While requests are pending, a reminder wakes the dispatch at this period, so a restarted or moved dispatch
    /// resumes on its own. At least Orleans' minimum reminder period (1 minute unless configured lower).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WakeReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a finished call's lane is remembered (late recordings, replayed outboxes).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FinishedLaneRetention { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Finished lanes kept in the dispatch state, which is stored whole on every change; when more gather, they move to
    /// the separately stored archive in one write (<see cref="LaneArchiving"/>).
    /// </summary>
    [Range(1, 10_000)]
    public int FinishedLanesKeptInline { get; set; } = 64;

    /// <summary>How long an idle lane whose call never finished is remembered.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan IdleLaneRetention { get; set; } = TimeSpan.FromHours(6);
}
