using System.Globalization;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// CPU time and resident memory of a process, read from /proc (Linux): <c>/proc/{pid}/stat</c> fields 14–15 (user and
/// system time in clock ticks of 1/100 s) and <c>VmRSS</c> of <c>/proc/{pid}/status</c>.
/// </summary>
public sealed class ProcessSampler(int processId, TimeProvider time)
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux platform .NET runs on

    public ProcessSample Sample()
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) is in parentheses and may contain spaces: count fields after its closing one.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var rssLine = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var rssKb = long.Parse(rssLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new ProcessSample(time.GetUtcNow(), TimeSpan.FromSeconds(ticks / TicksPerSecond), rssKb * 1024);
    }
}

/// <summary>One reading of a process: when, its CPU time so far, its resident memory.</summary>
public sealed record ProcessSample(DateTimeOffset At, TimeSpan CpuTime, long RssBytes)
{
    public double RssMegabytes => RssBytes / 1024.0 / 1024.0;

    /// <summary>CPU used between <paramref name="earlier"/> and this sample, in percent of one core.</summary>
    public double CpuPercentSince(ProcessSample earlier) =>
        At > earlier.At ? 100 * (CpuTime - earlier.CpuTime).TotalSeconds / (At - earlier.At).TotalSeconds : 0;
}
