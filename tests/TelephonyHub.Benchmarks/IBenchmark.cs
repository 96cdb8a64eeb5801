namespace TelephonyHub.Benchmarks;

/// <summary>
/// A benchmark: runs a bounded workload against real components on loopback and prints its figures (ratios where
/// the machine is noisy). It asserts nothing about speed; <see cref="BenchmarkRun.Short"/> runs a small workload that
/// proves it works (CI runs every benchmark that way).
/// </summary>
public interface IBenchmark
{
    /// <summary>The name on the command line, e.g. <c>dispatch-burst</c>.</summary>
    string Name { get; }

    /// <summary>One line: what it measures.</summary>
    string Description { get; }

    /// <summary>Runs, prints its figures to <see cref="BenchmarkRun.Output"/> and returns them.</summary>
    Task<BenchmarkReport> RunAsync(BenchmarkRun run, CancellationToken cancellationToken);
}
