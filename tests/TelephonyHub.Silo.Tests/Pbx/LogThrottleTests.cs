using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Silo.Pbx;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>A failure repeated thousands of times a second is one log line a second, which says how many it stands for.</summary>
public sealed class LogThrottleTests
{
    [Fact]
    public void FirstFailure_IsLogged_AndRepeatsWithinTheSecondAreNot()
    {
        var clock = new FakeTimeProvider();
        var throttle = new LogThrottle(clock, TimeSpan.FromSeconds(1));

        Assert.True(throttle.ShouldLog(out var before));
        Assert.Equal(0, before);
        Assert.False(throttle.ShouldLog(out _));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(throttle.ShouldLog(out _));
    }

    [Fact]
    public void NextLine_AfterTheInterval_CountsTheFailuresLeftOut()
    {
        var clock = new FakeTimeProvider();
        var throttle = new LogThrottle(clock, TimeSpan.FromSeconds(1));
        throttle.ShouldLog(out _);
        throttle.ShouldLog(out _);
        throttle.ShouldLog(out _);

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(throttle.ShouldLog(out var suppressed));
        Assert.Equal(2, suppressed);
    }
}
