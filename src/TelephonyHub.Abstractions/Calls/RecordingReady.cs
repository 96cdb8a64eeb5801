using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Abstractions.Calls;

/// <summary>
/// The recording of the call is ready: at a URL the hub fetches (<see cref="Url"/>), or already uploaded by the PBX
/// into the hub's store (<see cref="Stored"/>). Exactly one of the two is set.
/// </summary>
[GenerateSerializer, Immutable, Alias("call-recording-ready-v1")]
public sealed record RecordingReady : CallEvent
{
    /// <summary>Where the hub can fetch the file (http/https); null when the PBX uploaded it.</summary>
    [Id(0)] public Uri? Url { get; init; }

    /// <summary>Name shown in Bitrix24 (.mp3/.wav); taken from the URL (or the content) when absent.</summary>
    [Id(1)] public string? FileName { get; init; }

    /// <summary>The file the PBX uploaded, kept in the hub's store until it is attached; null for a URL.</summary>
    [Id(2)] public StoredRecording? Stored { get; init; }
}
