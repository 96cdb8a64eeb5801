namespace TelephonyHub.Abstractions.Calls;

/// <summary>The recording of the call can be fetched.</summary>
[GenerateSerializer, Immutable, Alias("call-recording-ready-v1")]
public sealed record RecordingReady : CallEvent
{
    /// <summary>Where the hub can fetch the file (http/https).</summary>
    [Id(0)] public required Uri Url { get; init; }

    /// <summary>Name shown in Bitrix24 (.mp3/.wav); taken from the URL when absent.</summary>
    [Id(1)] public string? FileName { get; init; }
}
