namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// Keeps recording files durably, in the hub's shared database, between the moment the hub has them and the moment
/// they are attached in Bitrix24, so that any silo can finish the job if the one that received the file dies.
/// Files go in and out as streams in chunks: a file is never held whole in memory.
/// </summary>
public interface IRecordingStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end into the store. Nothing is kept when reading fails (e.g. an
    /// <see cref="InvalidRecordingException"/> from a <see cref="CheckedRecordingStream"/>): the exception passes on.
    /// </summary>
    Task<SavedRecording> SaveAsync(NewRecording recording, Stream content, CancellationToken cancellationToken);

    /// <summary>The stored file as a stream read chunk by chunk, or null when it is not (or no longer) stored.</summary>
    Task<Stream?> OpenReadAsync(string recordingId, CancellationToken cancellationToken);

    /// <summary>Forgets the file (attached, or given up on). Deleting a missing file is not an error.</summary>
    Task DeleteAsync(string recordingId, CancellationToken cancellationToken);

    /// <summary>Forgets files stored before <paramref name="cutoff"/>, complete or not; returns how many.</summary>
    Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
