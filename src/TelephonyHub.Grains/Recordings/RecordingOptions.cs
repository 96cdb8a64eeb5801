using System.ComponentModel.DataAnnotations;
using System.Net;

namespace TelephonyHub.Grains.Recordings;

/// <summary>How the hub receives, keeps and attaches call recordings (scenario 5). Section <c>Recordings</c>.</summary>
public sealed class RecordingOptions : IValidatableObject
{
    /// <summary>The largest recording accepted, in bytes (default 256 MiB: an hour of 44.1 kHz mono WAV fits).</summary>
    [Range(1024, 4L * 1024 * 1024 * 1024)]
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// The longest a finish may wait for a promised recording, whatever a portal sets (its own wait applies when
    /// shorter): a record must not stay unfinished for hours because a PBX forgot its promise.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRecordingWait { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one download of a recording URL may take.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.20.0.0/16</c>) the hub may download recordings from although they are loopback,
    /// private or reserved (<see cref="RecordingSourceGuard"/>): for PBXs it reaches over a private link. Empty by
    /// default: a hosted hub fetches from the internet only.
    /// </summary>
    public string[] FetchAllowedNetworks { get; set; } = [];

    /// <summary>Delay before the second download attempt; doubles per attempt, with ±20 % jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FetchRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest delay between download attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "06:00:00")]
    public TimeSpan FetchRetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Download attempts before the hub gives up on a URL (default 10: about half an hour with the defaults).</summary>
    [Range(1, 100)]
    public int FetchMaxAttempts { get; set; } = 10;

    /// <summary>
    /// How long the hub waits for the dispatch to answer an <c>attachRecord</c> before asking again (the answer is a
    /// one-way message that a dying silo can lose). Doubles per repeat, up to a day.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AttachResultTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Stored files older than this are deleted, attached or not (a portal unreachable for that long loses its
    /// recordings, not its call records). Attached files are deleted at once.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often each silo looks for stored files past <see cref="Retention"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetentionSweepPeriod { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        FetchAllowedNetworks
            .Where(network => !IPNetwork.TryParse(network, out _))
            .Select(network => new ValidationResult(
                $"Recordings:FetchAllowedNetworks has '{network}', which is not a network in CIDR notation (e.g. 10.20.0.0/16 or fd00::/8).",
                [nameof(FetchAllowedNetworks)]));
}
