using Spectre.Console;
using TelephonyHub.PbxSimulator.Load;
using TelephonyHub.PbxSimulator.Output;
using TelephonyHub.PbxSimulator.Recordings;

namespace TelephonyHub.PbxSimulator;

/// <summary><c>load</c>: N portals (keys), M calls per second, a mix, ring and talk times from distributions.</summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(SimulatorArguments args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var keys = args.All("key").ToList();
        if (args.Get("keys-file") is { } file)
        {
            keys.AddRange(File.ReadAllLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
        }

        if (keys.Count == 0)
        {
            throw new ArgumentException("Give the portals' PBX keys with --key KEY (repeatable) or --keys-file FILE (one per line).");
        }

        await using var recordings = args.Get("recording-url") is null ? RecordingServer.Start() : null;
        var defaults = new LoadOptions();
        var options = new LoadOptions
        {
            CallsPerSecond = args.Number("rate", defaults.CallsPerSecond),
            Duration = args.Seconds("duration", defaults.Duration),
            DrainTimeout = args.Seconds("drain", defaults.DrainTimeout),
            Mix = args.Get("mix") is { } mix ? CallMix.Parse(mix) : defaults.Mix,
            RingTime = args.Get("ring") is { } ring ? Distribution.Parse(ring) : defaults.RingTime,
            TalkTime = args.Get("talk") is { } talk ? Distribution.Parse(talk) : defaults.TalkTime,
            RecordingDelay = args.Get("recording-delay") is { } delay ? Distribution.Parse(delay) : defaults.RecordingDelay,
            KnownCallers = args.Get("known-callers")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
            Extensions = args.Get("extensions")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? defaults.Extensions,
            Seed = (int)args.Number("seed", defaults.Seed),
            RecordingUrl = args.Get("recording-url") is { } url ? _ => new Uri(url) : recordings!.UrlFor,
        };

        var engine = new LoadEngine(options, TimeProvider.System);
        var run = engine.RunAsync(args.Hub, keys, cancellationToken);
        var result = args.Flag("no-live") || !console.Profile.Capabilities.Interactive
            ? await run
            : await LoadProgressDisplay.ShowAsync(console, engine, run, TimeProvider.System);
        LoadSummaryView.Write(console, result);
        return result.Final.Failed == 0 && result.PortalsFailed == 0 ? 0 : 1;
    }
}
