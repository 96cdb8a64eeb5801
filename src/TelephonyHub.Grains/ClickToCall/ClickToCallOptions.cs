using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>How long click-to-call waits for each step before it tells the user the call failed. Section <c>ClickToCall</c>.</summary>
public sealed class ClickToCallOptions
{
    /// <summary>
    /// How long the PBX has to accept or reject an originate command. After it the Bitrix24 call is finished as failed
    /// (503) and the command is dropped unsent, so the phone never rings long after the click. Default 15 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the PBX has, after accepting an originate, to report the call it started (<c>CallStarted</c> with the
    /// command's request id). After it the Bitrix24 call is finished as failed (480). Default 60 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan CallReportTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// When the hub registers the call itself (no <c>CALL_ID</c> in the event), the longest Bitrix24 may take to answer
    /// before the call is given up instead of placed (480). Default 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RegisterWindow { get; set; } = TimeSpan.FromSeconds(30);
}
