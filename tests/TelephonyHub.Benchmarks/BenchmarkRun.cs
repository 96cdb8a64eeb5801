namespace TelephonyHub.Benchmarks;

/// <summary>How a benchmark runs: its size and where it prints.</summary>
/// <param name="Short">A small workload that proves the benchmark works (CI), instead of the measured one.</param>
/// <param name="Output">Where the figures are printed as they come.</param>
/// <param name="Arguments">Benchmark-specific options (<c>--calls=1000</c>...).</param>
public sealed record BenchmarkRun(bool Short, TextWriter Output, IReadOnlyDictionary<string, string> Arguments)
{
    public int Int(string name, int measured, int @short) =>
        Arguments.TryGetValue(name, out var value) && int.TryParse(value, out var parsed) ? parsed : Short ? @short : measured;
}
