namespace TelephonyHub.Benchmarks.Hub;

/// <summary>Where a benchmark writes its report: <c>--out=</c>, else <c>./benchmark-results</c> (short runs: the temp folder).</summary>
public static class ReportFolder
{
    public static string For(BenchmarkRun run) =>
        run.Arguments.GetValueOrDefault("out")
        ?? (run.Short
            ? Path.Combine(Path.GetTempPath(), "telephonyhub-benchmarks")
            : Path.Combine(Directory.GetCurrentDirectory(), "benchmark-results"));
}
