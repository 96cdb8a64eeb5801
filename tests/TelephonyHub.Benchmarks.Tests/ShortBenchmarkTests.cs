namespace TelephonyHub.Benchmarks.Tests;

/// <summary>Every benchmark runs in its short mode and reports its figures. No timing is asserted.</summary>
public sealed class ShortBenchmarkTests
{
    public static TheoryData<string> Benchmarks() => [.. BenchmarkCatalog.All.Select(b => b.Name)];

    [Fact]
    public void Catalog_IsNotEmpty() => Assert.NotEmpty(BenchmarkCatalog.All);

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public async Task Benchmark_RunsInShortMode_AndReportsFigures(string name)
    {
        var output = new StringWriter();
        var benchmark = BenchmarkCatalog.Find(name)!;

        var report = await benchmark.RunAsync(new BenchmarkRun(Short: true, output, new Dictionary<string, string>()), CancellationToken.None);

        Assert.Equal(name, report.Benchmark);
        Assert.NotEmpty(report.Figures);
        Assert.All(report.Figures.Values, value => Assert.False(double.IsNaN(value)));
    }
}
