using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>A benchmark's findings: how it ran, its figures by section, the targets against what was measured, notes.</summary>
public sealed partial class HubLoadReport(string benchmark)
{
    private readonly List<(string Name, string Value)> _run = [];
    private readonly List<(string Section, string Name, double Value, string Unit)> _figures = [];
    private readonly List<(string Target, string Goal, string Measured, string Verdict)> _targets = [];
    private readonly List<string> _notes = [];
    private readonly List<(double Minute, double RssMegabytes, double CpuPercent)> _curve = [];

    public void Run(string name, string value) => _run.Add((name, value));

    public void Figure(string section, string name, double value, string unit) => _figures.Add((section, name, value, unit));

    /// <summary>A target: met when <paramref name="measured"/> is on the right side of <paramref name="goal"/>; else by how much not.</summary>
    public void Target(string target, double goal, double measured, bool higherIsBetter, string unit)
    {
        var met = higherIsBetter ? measured >= goal : measured <= goal;
        var verdict = met ? "met"
            : higherIsBetter ? $"short by {goal - measured:0.#} {unit} ({(measured > 0 ? goal / measured : double.PositiveInfinity):0.0}× below)"
            : $"over by {measured - goal:0.#} {unit} ({measured / goal:0.0}× the goal)";
        _targets.Add((target, $"{(higherIsBetter ? "≥" : "≤")} {goal:0.###} {unit}", $"{measured:0.###} {unit}", verdict));
    }

    public void TargetNotMeasured(string target, string goal, string why) => _targets.Add((target, goal, "n/a", why));

    public void Note(string note) => _notes.Add(note);

    public void CurvePoint(double minute, double rssMegabytes, double cpuPercent) => _curve.Add((minute, rssMegabytes, cpuPercent));

    /// <summary>The figures as the benchmark harness reports them (<c>section.name_unit</c>).</summary>
    public BenchmarkReport ToBenchmarkReport() => new(benchmark, _figures
        .GroupBy(f => Key(f.Section, f.Name, f.Unit))
        .ToDictionary(g => g.Key, g => g.Last().Value));

    /// <summary>Writes <c>{name}.md</c> and <c>{name}.json</c> into <paramref name="folder"/>; returns their paths.</summary>
    public async Task<(string Markdown, string Json)> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var markdown = Path.Combine(folder, $"{benchmark}.md");
        var json = Path.Combine(folder, $"{benchmark}.json");
        await File.WriteAllTextAsync(markdown, ToMarkdown(), cancellationToken);
        await File.WriteAllTextAsync(json, ToJson(), cancellationToken);
        return (markdown, json);
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# {benchmark}").AppendLine();
        md.AppendLine("| run | |").AppendLine("|---|---|");
        foreach (var (name, value) in _run)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");
        }

        if (_targets.Count > 0)
        {
            md.AppendLine().AppendLine("## Targets").AppendLine().AppendLine("| target | goal | measured | verdict |").AppendLine("|---|---|---|---|");
            foreach (var (target, goal, measured, verdict) in _targets)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {goal} | {measured} | {verdict} |");
            }
        }

        foreach (var section in _figures.GroupBy(f => f.Section))
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {section.Key}").AppendLine().AppendLine("| figure | value | unit |").AppendLine("|---|---:|---|");
            foreach (var f in section)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {f.Name} | {f.Value:0.###} | {f.Unit} |");
            }
        }

        if (_curve.Count > 0)
        {
            md.AppendLine().AppendLine("## Memory curve").AppendLine().AppendLine("| minute | silo RSS MB | silo CPU % of a core |").AppendLine("|---:|---:|---:|");
            foreach (var (minute, rss, cpu) in _curve)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {minute:0.00} | {rss:0.0} | {cpu:0} |");
            }
        }

        if (_notes.Count > 0)
        {
            md.AppendLine().AppendLine("## Notes").AppendLine();
            foreach (var note in _notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
        }

        return md.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(new
    {
        benchmark,
        run = _run.ToDictionary(r => r.Name, r => r.Value),
        targets = _targets.Select(t => new { t.Target, t.Goal, t.Measured, t.Verdict }),
        figures = _figures.GroupBy(f => f.Section).ToDictionary(g => g.Key, g => g.ToDictionary(f => $"{f.Name} ({f.Unit})", f => double.IsFinite(f.Value) ? f.Value : 0)),
        memory_curve = _curve.Select(c => new { minute = c.Minute, rss_mb = c.RssMegabytes, cpu_percent = c.CpuPercent }),
        notes = _notes,
    }, new JsonSerializerOptions { WriteIndented = true });

    private static string Key(string section, string name, string unit) =>
        $"{Slug(section)}.{Slug(name)}_{Slug(unit.Replace("%", "percent", StringComparison.Ordinal).Replace("1/s", "per_second", StringComparison.Ordinal))}";

    private static string Slug(string text) => NonWord().Replace(text.ToLowerInvariant(), "_").Trim('_');

    [System.Text.RegularExpressions.GeneratedRegex("[^a-z0-9]+")]
    private static partial System.Text.RegularExpressions.Regex NonWord();
}
