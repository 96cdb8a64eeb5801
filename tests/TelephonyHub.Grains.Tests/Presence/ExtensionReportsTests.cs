using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Grains.Presence;

namespace TelephonyHub.Grains.Tests.Presence;

public sealed class ExtensionReportsTests
{
    private static readonly DateTimeOffset Second = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AReportResentAfterANewerOneOfTheSameSecond_IsADuplicate_AndTheNewerStateStays()
    {
        var busy = new ExtensionStateChanged("evt-a", Second, "101", ExtensionState.Busy);
        var idle = new ExtensionStateChanged("evt-b", Second, "101", ExtensionState.Idle);
        var (afterBusy, _) = ExtensionReports.Apply(new PresenceState(), busy);
        var (afterIdle, _) = ExtensionReports.Apply(afterBusy, idle);

        var (afterReplay, replay) = ExtensionReports.Apply(afterIdle, busy);

        Assert.Equal(EventVerdict.Duplicate, replay.Verdict);
        Assert.Equal(ExtensionState.Idle, afterReplay.Extensions["101"].State);
    }

    [Fact]
    public void TwoReportsOfTheSameSecond_CountInTheOrderTheyArrive()
    {
        var (afterBusy, _) = ExtensionReports.Apply(new PresenceState(), new("evt-a", Second, "101", ExtensionState.Busy));

        var (afterIdle, idle) = ExtensionReports.Apply(afterBusy, new("evt-b", Second, "101", ExtensionState.Idle));

        Assert.Equal((EventVerdict.Applied, ExtensionState.Idle), (idle.Verdict, afterIdle.Extensions["101"].State));
    }

    [Fact]
    public void AnOlderReport_IsIgnoredSayingWhy()
    {
        var (afterIdle, _) = ExtensionReports.Apply(new PresenceState(), new("evt-b", Second, "101", ExtensionState.Idle));

        var (after, older) = ExtensionReports.Apply(afterIdle, new("evt-a", Second.AddSeconds(-1), "101", ExtensionState.Busy));

        Assert.Equal((EventVerdict.Ignored, "Extension 101 has a newer report (Idle)."), (older.Verdict, older.Message));
        Assert.Same(afterIdle, after);
    }

    [Fact]
    public void EachExtensionRemembersItsLastFewReports_NoMore()
    {
        var state = new PresenceState();
        for (var i = 0; i < 10; i++)
        {
            (state, _) = ExtensionReports.Apply(state, new($"evt-{i}", Second.AddSeconds(i), "101", i % 2 == 0 ? ExtensionState.Busy : ExtensionState.Idle));
            (state, _) = ExtensionReports.Apply(state, new($"other-{i}", Second.AddSeconds(i), "102", ExtensionState.Busy));
        }

        Assert.Equal(["evt-6", "evt-7", "evt-8", "evt-9"], state.SeenEventIds["101"].ToArray());
        Assert.Equal(ExtensionReports.RememberedPerExtension, state.SeenEventIds["102"].Length);
        Assert.Equal(EventVerdict.Duplicate, ExtensionReports.Apply(state, new("evt-6", Second.AddSeconds(9), "101", ExtensionState.Busy)).Outcome.Verdict);
    }
}
