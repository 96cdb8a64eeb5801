using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Silo.Pbx;

/// <summary>How much PBX work the gateway takes on at once. Section <c>PbxGateway</c>.</summary>
public sealed class PbxGatewayOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "PbxGateway";

    /// <summary>
    /// PBX events this silo applies at once, over all streams, before it refuses new calls. Default 1,000. Beyond it a
    /// <c>CallStarted</c> is answered at once with REJECTED/UNAVAILABLE ("resend it later"), so an overloaded hub
    /// says so within milliseconds instead of letting every PBX wait for acknowledgements until it gives up; events of
    /// calls already started are still taken, up to twice this number, so calls under way can end. Size it to what the
    /// silo applies in about a second: more only adds waiting, fewer refuses calls it could have taken.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxEventsInFlight { get; set; } = 1000;

    /// <summary>
    /// How long a PBX connection may be quiet before the hub sends it an HTTP/2 PING. Default 20 s. A stream that waits
    /// for calls says nothing for minutes, and load balancers and NAT devices drop connections idle for about a minute;
    /// the pings keep it open, and show a connection that died without a word (then the stream ends and the PBX
    /// reconnects) instead of the hub sending commands into it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the hub waits for the answer to a PING before it closes the connection. Default 20 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
