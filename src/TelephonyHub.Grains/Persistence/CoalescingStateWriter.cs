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

    public async Task WriteAsync()
    {
        _dirty = true;
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
}
