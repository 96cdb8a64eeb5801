using TelephonyHub.Silo.Pbx;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>
/// Events of one call in order, of different calls side by side (the PBX contract's delivery guarantees); command
/// acknowledgements side by side, and an event read after them waits for them all.
/// </summary>
public sealed class KeyOrderedApplierTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EventOfAnotherCall_IsAppliedWhileTheFirstCallsEventIsStillBeingApplied()
    {
        var applier = new KeyOrderedApplier(maxInFlight: 16);
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
        var applier = new KeyOrderedApplier(maxInFlight: 16);
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
        var applier = new KeyOrderedApplier(maxInFlight: 1);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await applier.EnqueueAsync("call:a", () => first.Task, CancellationToken.None);

        var second = applier.EnqueueAsync("call:b", () => Task.CompletedTask, CancellationToken.None);

        Assert.False(second.IsCompleted, "a second event was taken although one slot was in use");
        first.SetResult();
        await second.WaitAsync(Timeout);
        await applier.IdleAsync().WaitAsync(Timeout);
    }

    [Fact]
    public async Task AcknowledgementsOfDifferentCommands_AreAppliedSideBySide_AndWhatIsReadAfterThemWaitsForAllOfThem()
    {
        var acknowledgements = new KeyOrderedApplier(maxInFlight: 16);
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = 0;
        for (var i = 0; i < gates.Length; i++)
        {
            var gate = gates[i];
            await acknowledgements.EnqueueAsync($"command-{i}", () =>
            {
                Interlocked.Increment(ref started);
                return gate.Task;
            }, CancellationToken.None);
        }

        var readAfter = acknowledgements.IdleAsync();
        using (var deadline = new CancellationTokenSource(Timeout))
        {
            while (Volatile.Read(ref started) < 3)
            {
                await Task.Delay(10, deadline.Token); // none waits for another
            }
        }

        gates[0].SetResult();
        gates[2].SetResult();
        await Task.Delay(50);
        Assert.False(readAfter.IsCompleted, "an event read after three acknowledgements ran before the second was applied");

        gates[1].SetResult();
        await readAfter.WaitAsync(Timeout);
    }

    [Fact]
    public async Task WhatIsReadBeforeAnAcknowledgement_DoesNotWaitForIt()
    {
        var acknowledgements = new KeyOrderedApplier(maxInFlight: 16);
        var readBefore = acknowledgements.IdleAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await acknowledgements.EnqueueAsync("command-1", () => gate.Task, CancellationToken.None);

        Assert.True(readBefore.IsCompleted);
        gate.SetResult();
        await acknowledgements.IdleAsync().WaitAsync(Timeout);
    }
}
