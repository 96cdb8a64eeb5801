using TelephonyHub.Silo.Pbx;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>Events of one call in order, of different calls side by side (the PBX contract's delivery guarantees).</summary>
public sealed class CallOrderedApplierTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EventOfAnotherCall_IsAppliedWhileTheFirstCallsEventIsStillBeingApplied()
    {
        var applier = new CallOrderedApplier(maxInFlight: 16);
        var firstCallBlocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondCallApplied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await applier.EnqueueAsync("call:a", () => firstCallBlocked.Task, CancellationToken.None);
        await applier.EnqueueAsync("call:b", () =>
        {
            secondCallApplied.SetResult();
            return Task.CompletedTask;
        }, CancellationToken.None);

        await secondCallApplied.Task.WaitAsync(Timeout); // call b did not wait for call a
        firstCallBlocked.SetResult();
        await applier.IdleAsync().WaitAsync(Timeout);
    }

    [Fact]
    public async Task EventsOfOneCall_AreAppliedOneAfterAnother_InArrivalOrder()
    {
        var applier = new CallOrderedApplier(maxInFlight: 16);
        var applied = new List<int>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var overlapped = false;

        for (var i = 0; i < 5; i++)
        {
            var n = i;
            await applier.EnqueueAsync("call:a", async () =>
            {
                overlapped |= Interlocked.Increment(ref running) > 1;
                if (n == 0)
                {
                    await gate.Task; // the first event is slow: the others must wait for it
                }

                lock (applied)
                {
                    applied.Add(n);
                }

                Interlocked.Decrement(ref running);
            }, CancellationToken.None);
        }

        gate.SetResult();
        await applier.IdleAsync().WaitAsync(Timeout);

        Assert.Equal([0, 1, 2, 3, 4], applied);
        Assert.False(overlapped, "two events of one call were applied at the same time");
    }

    [Fact]
    public async Task FullApplier_MakesTheReaderWait_UntilAnEventIsDone()
    {
        var applier = new CallOrderedApplier(maxInFlight: 1);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await applier.EnqueueAsync("call:a", () => first.Task, CancellationToken.None);

        var second = applier.EnqueueAsync("call:b", () => Task.CompletedTask, CancellationToken.None);

        Assert.False(second.IsCompleted, "a second event was taken although one slot was in use");
        first.SetResult();
        await second.WaitAsync(Timeout);
        await applier.IdleAsync().WaitAsync(Timeout);
    }
}
