using TelephonyHub.Silo.Pbx;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>
/// A PBX's command acknowledgements are applied side by side (so the link stores many in one write), anything read
/// after them waits for them, and at most so many are under way.
/// </summary>
public sealed class AcknowledgementsInFlightTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Acknowledgements_AreAppliedSideBySide_AndWhatIsReadAfterThemWaitsForAllOfThem()
    {
        var acknowledgements = new AcknowledgementsInFlight(maxInFlight: 16);
        var gates = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = 0;

        foreach (var gate in gates)
        {
            await acknowledgements.StartAsync(() =>
            {
                Interlocked.Increment(ref started);
                return gate.Task;
            }, CancellationToken.None);
        }

        var readAfter = acknowledgements.ReadSoFar();
        await WaitUntilAsync(() => Volatile.Read(ref started) == 3); // none waited for another
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
        var acknowledgements = new AcknowledgementsInFlight(maxInFlight: 16);
        var readBefore = acknowledgements.ReadSoFar();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await acknowledgements.StartAsync(() => gate.Task, CancellationToken.None);

        Assert.True(readBefore.IsCompleted);
        gate.SetResult();
        await acknowledgements.ReadSoFar().WaitAsync(Timeout);
    }

    [Fact]
    public async Task BeyondTheLimit_TheReaderWaitsForAFreeSlot()
    {
        var acknowledgements = new AcknowledgementsInFlight(maxInFlight: 2);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await acknowledgements.StartAsync(() => gate.Task, CancellationToken.None);
        await acknowledgements.StartAsync(() => gate.Task, CancellationToken.None);

        var third = acknowledgements.StartAsync(() => Task.CompletedTask, CancellationToken.None);
        await Task.Delay(50);
        Assert.False(third.IsCompleted, "a third acknowledgement started while two were under way");

        gate.SetResult();
        await third.WaitAsync(Timeout);
        await acknowledgements.ReadSoFar().WaitAsync(Timeout);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        while (!condition())
        {
            await Task.Delay(10, deadline.Token);
        }
    }
}
