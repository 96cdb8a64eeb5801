using TelephonyHub.PbxSimulator.Load;

namespace TelephonyHub.PbxSimulator.Tests.Load;

public sealed class CallMixTests
{
    [Fact]
    public void ParsedMix_DrawsKindsInProportionToTheirWeights()
    {
        var mix = CallMix.Parse("direct=3, known-caller=1, missed=0");
        var random = new Random(3);

        var draws = Enumerable.Range(0, 40_000).Select(_ => mix.Draw(random)).ToList();

        Assert.InRange(draws.Count(k => k == CallKind.Direct) / 40_000.0, 0.73, 0.77);
        Assert.InRange(draws.Count(k => k == CallKind.KnownCaller) / 40_000.0, 0.23, 0.27);
        Assert.DoesNotContain(CallKind.Missed, draws);
    }

    [Fact]
    public void Planner_SpreadsCallsOverPortals_WithUniqueIdsAndTwoDifferentExtensions()
    {
        var planner = new CallPlanner(new LoadOptions { Mix = CallMix.Realistic, KnownCallers = ["+4930777"] }, portals: 5);

        var calls = Enumerable.Range(0, 2_000).Select(_ => planner.Next()).ToList();

        Assert.Equal(calls.Count, calls.Select(c => c.CallId).Distinct().Count());
        Assert.Equal(5, calls.Select(c => c.Portal).Distinct().Count());
        Assert.All(calls, c => Assert.NotEqual(c.Extension, c.OtherExtension));
        Assert.All(calls.Where(c => c.Kind == CallKind.KnownCaller), c => Assert.Equal("+4930777", c.Customer));
    }
}
