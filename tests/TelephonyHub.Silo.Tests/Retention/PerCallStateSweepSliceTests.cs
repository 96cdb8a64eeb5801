using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Retention;

public sealed class PerCallStateSweepSliceTests
{
    [Fact]
    public void Slices_CoverEveryGrainIdHash_OnceEach_InOrder()
    {
        var slices = PerCallStateSweep.Slices().ToList();

        Assert.Equal(PerCallStateSweep.HashSlices, slices.Count);
        Assert.Equal(int.MinValue, slices[0].From);
        Assert.Equal(int.MaxValue, slices[^1].To);
        Assert.All(slices.Zip(slices.Skip(1)), pair => Assert.Equal((long)pair.First.To + 1, pair.Second.From));
        Assert.All(slices, slice => Assert.True(slice.From <= slice.To));
    }
}
