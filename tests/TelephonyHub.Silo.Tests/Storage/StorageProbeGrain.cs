using TelephonyHub.Grains;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

public sealed class StorageProbeGrain(
    [PersistentState("probe", StorageNames.Default)] IPersistentState<ProbeState> probe) : Grain, IStorageProbeGrain
{
    private readonly Guid activationId = Guid.NewGuid();

    Task<ProbeReading> IStorageProbeGrain.ReadAsync() => Task.FromResult(new ProbeReading(probe.State, activationId));

    Task IStorageProbeGrain.WriteAsync(string note)
    {
        probe.State = probe.State with { Note = note, Writes = probe.State.Writes + 1 };
        return probe.WriteStateAsync();
    }

    Task IStorageProbeGrain.ClearAsync() => probe.ClearStateAsync();

    Task IStorageProbeGrain.DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
