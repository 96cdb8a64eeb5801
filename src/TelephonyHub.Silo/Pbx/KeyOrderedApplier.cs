namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// Applies the work of one PBX stream the way the contract promises: work of one key in the order it arrived, work of
/// different keys concurrently. Events are keyed by their call (proto: "Events of different calls may be applied
/// concurrently"); command acknowledgements by their command, so a PBX's acknowledgements share the link's storage
/// writes instead of waiting one write each. Without this a stream is only as fast as one round trip through grains
/// and storage. At most <c>maxInFlight</c> are in progress; beyond that the reader waits, which pushes back on the PBX
/// through HTTP/2 flow control.
/// </summary>
public sealed class KeyOrderedApplier(int maxInFlight)
{
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(maxInFlight, maxInFlight);

    /// <summary>
    /// Starts <paramref name="apply"/> once the earlier work of <paramref name="orderKey"/> is done; returns as soon as
    /// it is queued (or waits for a free slot). <paramref name="apply"/> handles its own failures.
    /// </summary>
    public async Task EnqueueAsync(string orderKey, Func<Task> apply, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        lock (_tails)
        {
            var previous = _tails.GetValueOrDefault(orderKey) ?? Task.CompletedTask;
            Task next = null!;
            next = RunAfterAsync(previous, apply, () => Release(orderKey, next));
            _tails[orderKey] = next;
        }
    }

    /// <summary>Completes when everything queued so far has been applied (not what is queued after this call).</summary>
    public Task IdleAsync()
    {
        lock (_tails)
        {
            return Task.WhenAll(_tails.Values);
        }
    }

    private static async Task RunAfterAsync(Task previous, Func<Task> apply, Action done)
    {
        // Never run on the caller's thread: the reader goes on reading, and the task is registered before it ends.
        await Task.Yield();
        try
        {
            await previous.ContinueWith(static _ => { }, TaskScheduler.Default); // its failure is its own to report
            await apply();
        }
        finally
        {
            done();
        }
    }

    private void Release(string orderKey, Task finished)
    {
        lock (_tails)
        {
            // Only the last task of a key removes it: a later one may already be chained behind this one.
            if (_tails.TryGetValue(orderKey, out var tail) && tail == finished)
            {
                _tails.Remove(orderKey);
            }
        }

        _slots.Release();
    }
}
