using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.PbxSimulator.Tests.Load;

public sealed class LatencyRecorderTests
{
    [Fact]
    public void Percentiles_AreWithinOnePercentOfTheExactOnes_AndMaxIsExact()
    {
        var recorder = new LatencyRecorder();
        for (var ms = 1; ms <= 1000; ms++)
        {
            recorder.Record(TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(1000, recorder.Count);
        Assert.InRange(recorder.Percentile(50).TotalMilliseconds, 500, 505);
        Assert.InRange(recorder.Percentile(99).TotalMilliseconds, 990, 1000);
        Assert.Equal(TimeSpan.FromMilliseconds(1000), recorder.Max);
        Assert.Equal(TimeSpan.FromMilliseconds(500.5), recorder.Mean);
    }

    [Fact]
    public void EmptyRecorder_ReportsZero() => Assert.Equal(TimeSpan.Zero, new LatencyRecorder().Percentile(99));
}
