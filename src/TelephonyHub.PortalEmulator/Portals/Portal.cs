using TelephonyHub.PortalEmulator.Rest;
using TelephonyHub.PortalEmulator.Limits;

namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>
/// One emulated portal: its current <see cref="PortalSnapshot"/>, changed atomically under a lock, and a signal
/// that lets tests await a condition without polling.
/// </summary>
public sealed class Portal
{
    private readonly Lock gate = new();
    private readonly int requestLogCapacity;
    private PortalSnapshot current;
    private TaskCompletionSource changed = NewSignal();
    private long lastSequence;
    private int requestsInFlight;

    internal Portal(PortalSnapshot initial, int requestLogCapacity)
    {
        current = initial;
        this.requestLogCapacity = requestLogCapacity;
        Limiter = new PortalLimiter();
    }

    /// <summary>Portal id (32 hex).</summary>
    public string MemberId => current.MemberId;

    /// <summary>Portal host.</summary>
    public string Domain => current.Domain;

    /// <summary>The state right now.</summary>
    public PortalSnapshot Snapshot
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>Leaky bucket and operating-time counters; they change on every request, so they stay out of snapshots.</summary>
    internal PortalLimiter Limiter { get; }

    /// <summary>The next request-log sequence number: arrival order on this portal.</summary>
    internal long NextSequence() => Interlocked.Increment(ref lastSequence);

    /// <summary>
    /// Marks a REST request as running: its handler may change the state before its log entry is written, so a
    /// waiter does not take a snapshot that shows the one without the other.
    /// </summary>
    internal void BeginRequest()
    {
        lock (gate)
        {
            requestsInFlight++;
        }
    }

    /// <summary>Appends a finished request's log entries and marks it done, in one change.</summary>
    internal void CompleteRequest(IReadOnlyCollection<RequestLogEntry> entries)
    {
        TaskCompletionSource signal;
        lock (gate)
        {
            requestsInFlight--;
            current = Trim(current with { Requests = current.Requests.AddRange(entries) }) with { Version = current.Version + 1 };
            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
    }

    /// <summary>
    /// Applies <paramref name="change"/> atomically. When it throws, nothing changes (a REST validation error
    /// leaves the portal as it was).
    /// </summary>
    public T Update<T>(Func<PortalSnapshot, (PortalSnapshot Next, T Result)> change)
    {
        TaskCompletionSource signal;
        T result;
        lock (gate)
        {
            var (next, value) = change(current);
            result = value;
            if (ReferenceEquals(next, current))
            {
                return result;
            }

            current = Trim(next) with { Version = current.Version + 1 };
            signal = changed;
            changed = NewSignal();
        }

        signal.TrySetResult();
        return result;
    }

    /// <summary>Applies <paramref name="change"/> atomically.</summary>
    public void Update(Func<PortalSnapshot, PortalSnapshot> change) => Update(s => (change(s), true));

    /// <summary>
    /// Completes when <paramref name="condition"/> holds for the portal's state, re-checking after each change;
    /// throws <see cref="TimeoutException"/> naming <paramref name="description"/> and the state at the deadline.
    /// A matching state is returned once no request is half-way (changed the state, not yet logged), waiting at most
    /// <see cref="QuietWait"/> for that. The timeout is wall-clock on purpose: a barrier must fire even while a test
    /// holds a fake clock still.
    /// </summary>
    public async Task<PortalSnapshot> WaitForAsync(
        Func<PortalSnapshot, bool> condition, TimeSpan timeout, string description, CancellationToken cancellationToken = default)
    {
        using var deadline = new CancellationTokenSource(timeout, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        long? matchedAt = null;
        while (true)
        {
            PortalSnapshot snapshot;
            Task next;
            bool quiet;
            lock (gate)
            {
                snapshot = current;
                next = changed.Task;
                quiet = requestsInFlight == 0;
            }

            if (condition(snapshot))
            {
                matchedAt ??= TimeProvider.System.GetTimestamp();
                if (quiet || TimeProvider.System.GetElapsedTime(matchedAt.Value) >= QuietWait)
                {
                    return snapshot;
                }

                next = next.WaitAsync(QuietWait / 10, TimeProvider.System).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            else
            {
                matchedAt = null;
            }

            try
            {
                await next.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Timed out after {timeout.TotalSeconds:0.###} s waiting for {description}. State now:\n{Snapshot}");
            }
        }
    }

    /// <summary>How long a matching state waits for running requests to be logged before it is returned anyway.</summary>
    public static TimeSpan QuietWait { get; } = TimeSpan.FromSeconds(2);

    private PortalSnapshot Trim(PortalSnapshot next) =>
        next.Requests.Count > requestLogCapacity
            ? next with { Requests = next.Requests.RemoveRange(0, next.Requests.Count - requestLogCapacity) }
            : next;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
