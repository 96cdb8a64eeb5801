using Microsoft.Extensions.Time.Testing;
using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.PbxSimulator.Tests.Load;

public sealed class QueueStepsTests
{
    [Fact]
    public void StepThatCameLate_IsRecordedAsItsDistanceFromTheAnnouncedRingTime()
    {
        var clock = new FakeTimeProvider();
        var errors = new LatencyRecorder();
        var steps = new QueueSteps(clock, errors);

        steps.Next(ringSeconds: 3);               // first member rings for 3 s
        clock.Advance(TimeSpan.FromMilliseconds(3_040));
        steps.Next(ringSeconds: 5);               // the next one, 40 ms late
        clock.Advance(TimeSpan.FromMilliseconds(4_990));
        steps.Next(ringSeconds: 7);               // and the one after, 10 ms early

        Assert.Equal(2, errors.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(40), errors.Max);
        Assert.InRange(errors.Percentile(50).TotalMilliseconds, 9.9, 10.2);
    }
}
