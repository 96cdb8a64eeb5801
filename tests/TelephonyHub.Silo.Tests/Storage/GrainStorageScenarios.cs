using Orleans.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>Scenarios run against the silo's real <see cref="IGrainStorage"/> on each database.</summary>
internal static class GrainStorageScenarios
{
    private const string StateName = "probe";

    /// <summary>
    /// Two activations that believe they own one grain (the split-brain single activation guards against) both read,
    /// then both write: the second write must fail with <see cref="InconsistentStateException"/>, whether the row was
    /// new (no version yet) or existed (same version), and the stored state must be the first writer's.
    /// </summary>
    public static async Task SecondWriterWithTheSameVersionIsRejectedAsync(IGrainStorage storage, string grainKey)
    {
        var grainId = GrainId.Create("storageprobe", grainKey);
        var first = new GrainState<ProbeState>();
        var second = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, first);
        await storage.ReadStateAsync(StateName, grainId, second);

        first.State = new ProbeState { Note = "first, new row", Writes = 1 };
        await storage.WriteStateAsync(StateName, grainId, first);
        second.State = new ProbeState { Note = "second, new row", Writes = 1 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, second));

        await storage.ReadStateAsync(StateName, grainId, second);
        Assert.Equal(first.ETag, second.ETag);
        first.State = new ProbeState { Note = "first, update", Writes = 2 };
        await storage.WriteStateAsync(StateName, grainId, first);
        second.State = new ProbeState { Note = "second, update", Writes = 2 };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, second));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, second));

        var stored = new GrainState<ProbeState>();
        await storage.ReadStateAsync(StateName, grainId, stored);
        Assert.Equal(new ProbeState { Note = "first, update", Writes = 2 }, stored.State);
        Assert.Equal(first.ETag, stored.ETag);
        Assert.True(stored.RecordExists);
    }
}
