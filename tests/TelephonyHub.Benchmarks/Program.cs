using TelephonyHub.Benchmarks;

// dotnet run -c Release --project tests/TelephonyHub.Benchmarks -- <name|all> [--short] [--key=value ...]
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("Usage: TelephonyHub.Benchmarks <name|all> [--short] [--key=value ...]");
    foreach (var benchmark in BenchmarkCatalog.All)
    {
        Console.WriteLine($"  {benchmark.Name,-24} {benchmark.Description}");
    }

    return 0;
}

var options = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))
    .Select(a => a[2..].Split('=', 2))
    .ToDictionary(p => p[0], p => p[1]);
var run = new BenchmarkRun(args.Contains("--short"), Console.Out, options);
var selected = args[0] == "all" ? BenchmarkCatalog.All : BenchmarkCatalog.Find(args[0]) is { } one ? [one] : [];
if (selected.Count == 0)
{
    Console.Error.WriteLine($"No benchmark '{args[0]}'. Run without arguments for the list.");
    return 2;
}

foreach (var benchmark in selected)
{
    await benchmark.RunAsync(run, CancellationToken.None); // each benchmark prints its own figures
}

return 0;
