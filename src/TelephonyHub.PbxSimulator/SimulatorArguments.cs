using System.Globalization;

namespace TelephonyHub.PbxSimulator;

/// <summary>The command line: a verb, positional words, and <c>--name value</c> / <c>--name=value</c> options (repeatable).</summary>
public sealed class SimulatorArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.OrdinalIgnoreCase);

    private SimulatorArguments(string verb, IReadOnlyList<string> positional)
    {
        Verb = verb;
        Positional = positional;
    }

    public string Verb { get; }

    public IReadOnlyList<string> Positional { get; }

    public static SimulatorArguments Parse(string[] args)
    {
        var positional = new List<string>();
        var parsed = new SimulatorArguments(args.FirstOrDefault() ?? "help", positional);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(arg);
                continue;
            }

            var name = arg[2..];
            string value;
            if (name.Split('=', 2) is [var n, var v])
            {
                (name, value) = (n, v);
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                value = "true";
            }

            if (!parsed._options.TryGetValue(name, out var values))
            {
                parsed._options[name] = values = [];
            }

            values.Add(value);
        }

        return parsed;
    }

    public string? Get(string name) => _options.TryGetValue(name, out var values) ? values[^1] : null;

    public IReadOnlyList<string> All(string name) => _options.TryGetValue(name, out var values) ? values : [];

    public bool Flag(string name) => Get(name) is { } value && value != "false";

    public string Require(string name) => Get(name) ?? throw new ArgumentException($"--{name} is required.");

    public double Number(string name, double fallback) =>
        Get(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public TimeSpan Seconds(string name, TimeSpan fallback) =>
        Get(name) is { } value ? TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) : fallback;

    public Uri Hub => new(Get("hub") ?? "http://127.0.0.1:5101/");
}
