namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// The command acknowledgements of one PBX stream being applied. They are applied concurrently, so a PBX acknowledging
/// many commands does not wait one storage write per acknowledgement (the portal's link stores those that arrive
/// together in one write); anything read after an acknowledgement still waits for it (<see cref="ReadSoFar"/>). At
/// most <c>maxInFlight</c> are under way; beyond that the reader waits, which pushes back on the PBX.
/// </summary>
public sealed class AcknowledgementsInFlight(int maxInFlight)
{
    private readonly HashSet<Task> _inFlight = [];
    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);

    /// <summary>Starts <paramref name="acknowledge"/> and returns once it is under way; it handles its own failures.</summary>
    public async Task StartAsync(Func<Task> acknowledge, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        lock (_inFlight)
        {
            Task running = null!;
            running = RunAsync(acknowledge, () => Done(running));
            _inFlight.Add(running);
        }
    }

    /// <summary>Completes when every acknowledgement started so far has been applied.</summary>
    public Task ReadSoFar()
    {
        lock (_inFlight)
        {
            return _inFlight.Count == 0 ? Task.CompletedTask : Task.WhenAll(_inFlight);
        }
    }

    private static async Task RunAsync(Func<Task> acknowledge, Action done)
    {
        // Never on the reader's thread: the reader goes on reading, and the task is registered before it ends.
        await Task.Yield();
        try
        {
            await acknowledge();
        }
        finally
        {
            done();
        }
    }

    private void Done(Task finished)
    {
        lock (_inFlight)
        {
            _inFlight.Remove(finished);
        }

        _slots.Release();
    }
}
