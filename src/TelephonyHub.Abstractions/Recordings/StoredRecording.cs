namespace TelephonyHub.Abstractions.Recordings;

/// <summary>
/// A recording file kept in the hub's shared database (in chunks) until it is attached in Bitrix24. Only this
/// reference travels between grains and sits in grain state; the bytes are streamed from the store when needed.
/// </summary>
[GenerateSerializer, Immutable, Alias("stored-recording-v1")]
public sealed record StoredRecording
{
    /// <summary>The store's id of the file.</summary>
    [Id(0)] public required string RecordingId { get; init; }

    /// <summary>The name it is attached under (ends in .mp3 or .wav, matching the content).</summary>
    [Id(1)] public required string FileName { get; init; }

    /// <summary><c>audio/mpeg</c> or <c>audio/wav</c>, as the content showed.</summary>
    [Id(2)] public required string ContentType { get; init; }

    /// <summary>Size in bytes.</summary>
    [Id(3)] public required long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content.</summary>
    [Id(4)] public required string Sha256 { get; init; }
}
