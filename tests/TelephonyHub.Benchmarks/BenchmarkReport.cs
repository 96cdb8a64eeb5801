namespace TelephonyHub.Benchmarks;

/// <summary>The figures a benchmark measured, by name (units in the names, e.g. <c>http_requests</c>, <c>p99_ms</c>).</summary>
public sealed record BenchmarkReport(string Benchmark, IReadOnlyDictionary<string, double> Figures)
{
    public void Print(TextWriter output)
    {
        output.WriteLine($"== {Benchmark}");
        foreach (var (name, value) in Figures)
        {
            output.WriteLine($"{name,-40} {value,14:0.###}");
        }
    }
}
