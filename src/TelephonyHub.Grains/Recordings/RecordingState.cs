using TelephonyHub.Abstractions.Recordings;

namespace TelephonyHub.Grains.Recordings;

/// <summary>A call's recording job as stored: its phase, the file (a reference into the store), attempts, and when to act next.</summary>
[GenerateSerializer, Alias("recording-state-v1")]
public sealed record RecordingState
{
    [Id(0)] public RecordingPhase Phase { get; init; }

    [Id(1)] public RecordingAttachRequest? Request { get; init; }

    /// <summary>The file in the store, once there.</summary>
    [Id(2)] public StoredRecording? Stored { get; init; }

    /// <summary>Failed downloads so far.</summary>
    [Id(3)] public int FetchAttempts { get; init; }

    /// <summary><c>attachRecord</c> requests made so far (the current one included).</summary>
    [Id(4)] public int AttachAttempts { get; init; }

    /// <summary>When the job acts next (download, ask again, give up waiting); null when nothing is scheduled.</summary>
    [Id(5)] public DateTimeOffset? NextStepAt { get; init; }

    /// <summary>Why the last attempt failed, or why the job was given up.</summary>
    [Id(6)] public string? LastError { get; init; }

    /// <summary>The dispatch request id of the <c>attachRecord</c> whose answer is awaited.</summary>
    [Id(7)] public string? AttachRequestId { get; init; }

    /// <summary>The Bitrix24 Drive file id, once attached.</summary>
    [Id(8)] public long? FileId { get; init; }
}
