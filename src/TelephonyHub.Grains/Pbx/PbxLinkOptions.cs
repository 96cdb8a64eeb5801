using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Grains.Pbx;

/// <summary>How the hub keeps track of PBX streams. Section <c>PbxLink</c>.</summary>
public sealed class PbxLinkOptions
{
    /// <summary>
    /// How long an attached stream counts as open without renewing its lease. Streams renew every third of this, and
    /// each renewal checks the stream's key again (a revocation that missed the stream ends it then).
    /// Default 90 s: a stream whose silo died stops receiving commands within this time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00")]
    public TimeSpan StreamLease { get; set; } = TimeSpan.FromSeconds(90);
}
