using System.Reflection;

namespace TelephonyHub.Benchmarks;

/// <summary>Every <see cref="IBenchmark"/> in this assembly: adding a benchmark is adding a class.</summary>
public static class BenchmarkCatalog
{
    public static IReadOnlyList<IBenchmark> All { get; } = typeof(BenchmarkCatalog).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBenchmark).IsAssignableFrom(t))
        .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Name, StringComparer.Ordinal)
        .ToList();

    public static IBenchmark? Find(string name) => All.FirstOrDefault(b => b.Name == name);
}
