namespace TelephonyHub.Grains.Persistence;

/// <summary>
/// Serializes and coalesces writes of a reentrant grain's state: Orleans storage must not see two writes of one
/// grain at once (they would race on the version), and a caller that arrives while a write is in flight is
/// satisfied by the next single write that includes its change. Callers mutate the state synchronously, then
/// await <see cref="WriteAsync"/>; when it returns, their change is stored.
/// </summary>
public sealed class CoalescingStateWriter<TState>(IPersistentState<TState> state)
{
    private Task? _writing;
    private bool _dirty;

    /// <summary>Stores the state as it is now (with whatever other callers changed meanwhile).</summary>
    public Task WriteAsync()
    {
        _dirty = true;
        return FlushAsync();
    }

    /// <summary>
    /// Returns once every change announced through <see cref="WriteAsync"/> so far is stored, writing only if one is
    /// not: for a caller that relies on an earlier caller's change (a resend of something still being stored).
    /// </summary>
    public async Task FlushAsync()
    {
        while (_writing is { } inFlight)
        {
            // The write in flight may have started before our change; wait, then check whether a later one took it.
            await inFlight;
        }

        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        var write = state.WriteStateAsync();
        _writing = write;
        try
        {
            await write;
        }
        catch
        {
            _dirty = true; // not stored: the next writer retries it
            throw;
        }
        finally
        {
            _writing = null;
        }
    }

    /// <summary>Clears the stored state once no write is in flight (a clear racing a write would fail on the version).</summary>
    public async Task ClearAsync()
    {
        while (_writing is { } inFlight)
        {
            await inFlight;
        }

        _dirty = false;
        await state.ClearStateAsync();
    }
}
