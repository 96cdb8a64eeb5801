using System.Collections.Concurrent;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>A barrier per grain: completes when that grain's reminder fires for the first time.</summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> firstTicks = new();

    public void Record(string grainKey, string reminderName) => FirstTick(grainKey).TrySetResult(reminderName);

    /// <returns>The name of the reminder that fired.</returns>
    /// <exception cref="TimeoutException">It did not fire in time (the message names the grain).</exception>
    public async Task<string> WaitForFirstTickAsync(string grainKey, TimeSpan timeout)
    {
        try
        {
            return await FirstTick(grainKey).Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"Expected the reminder of grain '{grainKey}' to fire within {timeout.TotalSeconds:0} s of registering it; it never fired.");
        }
    }

    private TaskCompletionSource<string> FirstTick(string grainKey) =>
        firstTicks.GetOrAdd(grainKey, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously));
}
