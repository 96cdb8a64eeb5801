using TelephonyHub.Testing.World;
using static TelephonyHub.Silo.Tests.Queues.QueueWorld;

namespace TelephonyHub.Silo.Tests.Queues;

/// <summary>
/// The step timer lives in memory; the deadline and a reminder do not. A hub restarted in the middle of a step brings
/// the call back by itself (no PBX event needed) and the queue moves on.
/// </summary>
public sealed class QueueRestartTests
{
    private static readonly Dictionary<string, string> QuickWake = new()
    {
        ["CallQueues:WakeReminderPeriod"] = "00:00:01",
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
    };

    [Fact]
    public async Task HubRestartedDuringAStep_TheCallComesBackByItself_AndTheQueueMovesOnOnTime()
    {
        await using var queue = await StartAsync(Sequential(5, 1, TestUsers.Anna, TestUsers.Boris), QuickWake);
        var start = await queue.CallAsync("restart-1");
        await queue.WaitForCardsAsync("restart-1", "Anna sees the card", TestUsers.Anna);
        await queue.NextRingAsync("101");

        await queue.RestartHubAsync();
        queue.Advance(TimeSpan.FromSeconds(5));

        // No PBX event reaches the call: only its reminder can wake it, and its stored deadline says the step is over.
        var boris = await queue.WaitForCardsAsync("restart-1", "Boris is offered after the restart, at the end of Anna's step", TestUsers.Boris);
        Assert.Equal(["0s +12", "5s -12", "5s +14"], Timeline(boris, "restart-1", start));

        await queue.ReconnectPbxAsync();
        await queue.NextRingAsync("102"); // Anna's ring expired with her step: only Boris's is still pending
    }
}
