using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.PbxSimulator.Tests.Load;

public sealed class DistributionTests
{
    [Fact]
    public void LogNormalDraws_AverageToTheMean_AndStayUnderTheCap()
    {
        var distribution = Distribution.Parse("8:0.5");
        var random = new Random(7);

        var draws = Enumerable.Range(0, 20_000).Select(_ => distribution.Draw(random).TotalSeconds).ToList();

        Assert.InRange(draws.Average(), 7.7, 8.3);
        Assert.All(draws, d => Assert.InRange(d, 0, 32));
        Assert.True(draws.Count(d => d < 8) > draws.Count / 2, "right-skewed: most calls are shorter than the mean");
    }

    [Fact]
    public void FixedDistribution_AlwaysDrawsItsValue() =>
        Assert.Equal(TimeSpan.FromSeconds(3), Distribution.Fixed(TimeSpan.FromSeconds(3)).Draw(new Random(1)));
}
