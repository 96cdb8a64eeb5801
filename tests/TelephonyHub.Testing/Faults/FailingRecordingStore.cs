using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Testing.Faults;

/// <summary>The hub's real recording store, whose saves fail while <see cref="HubFaults.RecordingStoreDown"/>.</summary>
internal sealed class FailingRecordingStore(IRecordingStore store, HubFaults faults) : IRecordingStore
{
    public Task<SavedRecording> SaveAsync(NewRecording recording, Stream content, CancellationToken cancellationToken) =>
        faults.RecordingStoreDown
            ? throw new InvalidOperationException("Injected: the recording store's database is unreachable.")
            : store.SaveAsync(recording, content, cancellationToken);

    public Task<Stream?> OpenReadAsync(string recordingId, CancellationToken cancellationToken) => store.OpenReadAsync(recordingId, cancellationToken);

    public Task DeleteAsync(string recordingId, CancellationToken cancellationToken) => store.DeleteAsync(recordingId, cancellationToken);

    public Task<int> DeleteStoredBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        store.DeleteStoredBeforeAsync(cutoff, cancellationToken);
}
