using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Grains.Recordings;

/// <summary>One download attempt: the stored file, or why not and whether trying again may help.</summary>
public sealed record RecordingFetchResult(StoredRecording? Stored, string? Failure, bool Transient)
{
    public static RecordingFetchResult Success(StoredRecording stored) => new(stored, null, false);

    public static RecordingFetchResult Retry(string why) => new(null, why, true);

    public static RecordingFetchResult Refused(string why) => new(null, why, false);
}
