namespace TelephonyHub.Abstractions.Recordings;

/// <summary>A call's request to attach its recording, once the call's finish is queued.</summary>
[GenerateSerializer, Immutable, Alias("recording-attach-request-v1")]
public sealed record RecordingAttachRequest
{
    /// <summary>Deterministic per intent (the call's effect id): a replayed hand-off changes nothing.</summary>
    [Id(0)] public required string JobId { get; init; }

    /// <summary>The URL to fetch, when the PBX offered one; null when <see cref="Stored"/> is set.</summary>
    [Id(1)] public Uri? Url { get; init; }

    /// <summary>The file the PBX uploaded; null when <see cref="Url"/> is set.</summary>
    [Id(2)] public StoredRecording? Stored { get; init; }

    /// <summary>The name the PBX gave, if any (for a URL; an upload's name is in <see cref="Stored"/>).</summary>
    [Id(3)] public string? FileName { get; init; }

    /// <summary>The call's Bitrix24 <c>CALL_ID</c> if already known; otherwise the call's dispatch lane fills it.</summary>
    [Id(4)] public string? Bitrix24CallId { get; init; }

    /// <summary>The W3C trace context of the event that made the recording ready.</summary>
    [Id(5)] public string? TraceParent { get; init; }
}
