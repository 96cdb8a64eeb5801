namespace TelephonyHub.Grains.Recordings;

/// <summary>A file about to be stored: its id, whose it is, and when it arrived (for the retention sweep).</summary>
public sealed record NewRecording(string RecordingId, string PortalId, string CallKey, DateTimeOffset ReceivedAt)
{
    /// <summary>A fresh, unguessable store id.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N");
}
