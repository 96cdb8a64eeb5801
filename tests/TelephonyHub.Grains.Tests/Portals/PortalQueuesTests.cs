using System.Collections.Immutable;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Portals;

namespace TelephonyHub.Grains.Tests.Portals;

public sealed class PortalQueuesTests
{
    private static readonly PortalState Portal = new()
    {
        Lifecycle = PortalLifecycle.Installed,
        SyncedExtensions = ImmutableDictionary<string, long>.Empty.Add("101", 12).Add("102", 14).Add("103", 16),
        ExtensionOverrides = ImmutableDictionary<string, long>.Empty.Add("201", 14),
    };

    [Fact]
    public void AValidQueue_IsSaved_AndReplacesTheQueueOfTheSameLine()
    {
        var (once, first) = PortalQueues.Save(Portal, Queue("7", QueueMode.Sequential, [12, 14]));
        var (twice, second) = PortalQueues.Save(once, Queue(" 7 ", QueueMode.Simultaneous, [16]) with { Name = "  Sales " });

        Assert.True(first.IsSaved);
        Assert.True(second.IsSaved);
        var stored = Assert.Single(twice.Settings.Queues);
        Assert.Equal(("7", "Sales", QueueMode.Simultaneous), (stored.LineNumber, stored.Name, stored.Mode));
    }

    [Fact]
    public void AnInvalidQueue_IsRefusedWithEveryReason_AndNothingIsStored()
    {
        var queue = Queue("7", QueueMode.Sequential, [12, 12, 99]) with
        {
            Name = "",
            StepTime = TimeSpan.FromMilliseconds(200),
            Rounds = 0,
            Overflow = new QueueOverflow { Kind = QueueOverflowKind.Extension },
        };

        var (state, result) = PortalQueues.Save(Portal, queue);

        Assert.Same(Portal, state);
        Assert.Equal(
        [
            "The queue needs a name of 1 to 80 characters.",
            "User 12 is listed twice.",
            "Member 99 has no extension on this portal: set the user's internal phone number in Bitrix24 (or an extension override) first.",
            "The step time must be between 1 and 300 seconds (it is 0.2).",
            "Rounds must be between 1 and 10 (it is 0).",
            "Overflow to an extension needs the extension (1 to 32 characters), e.g. a voicemail box.",
        ], result.Errors.ToArray());
    }

    [Fact]
    public void AQueueWithoutMembers_OrWithAnOverflowUserWithoutExtension_IsRefused()
    {
        var queue = Queue("", QueueMode.Simultaneous, []) with { Overflow = new QueueOverflow { Kind = QueueOverflowKind.User, UserId = 1 } };

        var (_, result) = PortalQueues.Save(Portal, queue);

        Assert.Equal(
        [
            "The queue needs at least one member.",
            "Overflow user 1 has no extension on this portal: set the user's internal phone number in Bitrix24 (or an extension override) first.",
        ], result.Errors.ToArray());
    }

    [Fact]
    public void ACall_GoesToItsLinesQueue_ElseToTheDefaultQueue_ElseToNone()
    {
        var (withLine, _) = PortalQueues.Save(Portal, Queue("7", QueueMode.Sequential, [12]) with { Name = "Line 7" });
        var (withBoth, _) = PortalQueues.Save(withLine, Queue("", QueueMode.Simultaneous, [16]) with { Name = "Default" });

        Assert.Equal("Line 7", PortalQueues.ForLine(withBoth, "7")!.Name);
        Assert.Equal("Default", PortalQueues.ForLine(withBoth, "8")!.Name);
        Assert.Equal("Default", PortalQueues.ForLine(withBoth, null)!.Name);
        Assert.Null(PortalQueues.ForLine(withLine, "8"));
    }

    [Fact]
    public void ACallsQueue_HasTheMembersCurrentExtensions_OverridesFirst_AndLeavesOutMembersWhoLostTheirs()
    {
        var (saved, _) = PortalQueues.Save(Portal, Queue("7", QueueMode.Sequential, [12, 14, 16]) with
        {
            Overflow = new QueueOverflow { Kind = QueueOverflowKind.User, UserId = 16 },
        });
        var resynced = saved with { SyncedExtensions = saved.SyncedExtensions.Remove("101") };

        var queue = PortalQueues.ForLine(resynced, "7")!;

        Assert.Equal([new QueueMember(14, "201"), new QueueMember(16, "103")], queue.Members.ToArray());
        Assert.Equal("103", queue.Overflow.Extension);
    }

    private static QueueDefinition Queue(string line, QueueMode mode, long[] members) => new()
    {
        LineNumber = line,
        Name = "Support",
        Mode = mode,
        Members = [.. members],
        StepTime = TimeSpan.FromSeconds(5),
    };
}
