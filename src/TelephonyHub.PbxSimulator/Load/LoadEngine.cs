using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Commands;

namespace TelephonyHub.PbxSimulator.Load;

/// <summary>
/// Plays load against a hub: one PBX stream per portal (key), new calls arriving at a steady rate spread over the
/// portals, each call played to its end by its own script (<see cref="CallScripts"/>) while every stream's
/// <see cref="PbxCommandPlayer"/> answers the hub's commands. Bounded: arrivals stop after the duration, calls in
/// progress get the drain timeout, then everything closes.
/// </summary>
public sealed class LoadEngine(LoadOptions options, TimeProvider time, ILoadObserver? observer = null)
{
    private static readonly TimeSpan ArrivalTick = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentDictionary<long, Task> _calls = new();
    private long _startedAt;
    private int _connected;
    private int _connectFailed;

    public LoadStatistics Statistics { get; } = new();

    /// <summary>Connecting, Running, Draining or Done, for the progress display.</summary>
    public string Phase { get; private set; } = "Connecting";

    public int PortalsConnected => Volatile.Read(ref _connected);

    public int PortalsFailed => Volatile.Read(ref _connectFailed);

    public LoadOptions Options => options;

    /// <summary>Time since arrivals began (zero while connecting).</summary>
    public TimeSpan Elapsed => _startedAt == 0 ? TimeSpan.Zero : time.GetElapsedTime(_startedAt);

    /// <summary>Runs the load against the hub at <paramref name="hub"/>, one stream per key in <paramref name="apiKeys"/>.</summary>
    public async Task<LoadResult> RunAsync(Uri hub, IReadOnlyList<string> apiKeys, CancellationToken cancellationToken)
    {
        using var channel = PbxChannels.Create(hub);
        return await RunAsync(channel, apiKeys, cancellationToken);
    }

    /// <summary>Runs the load on a channel the caller owns.</summary>
    public async Task<LoadResult> RunAsync(GrpcChannel channel, IReadOnlyList<string> apiKeys, CancellationToken cancellationToken)
    {
        if (apiKeys.Count == 0)
        {
            throw new ArgumentException("A load run needs at least one portal's PBX key.", nameof(apiKeys));
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var links = await ConnectAllAsync(channel, apiKeys, stop.Token);
        var players = links.Where(l => l is not null).Select(l => l!.Player.RunAsync(stop.Token)).ToList();
        LoadSnapshot atDuration;
        try
        {
            Phase = "Running";
            _startedAt = time.GetTimestamp();
            await ArriveAsync(links, cancellationToken);
            atDuration = Statistics.Snapshot(Elapsed);
            Phase = "Draining";
            await DrainAsync();
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var link in links.OfType<PortalLink>())
            {
                await link.Connection.DisposeAsync();
            }

            await Task.WhenAll(players);
            Phase = "Done";
        }

        return new LoadResult
        {
            AtDuration = atDuration,
            Final = Statistics.Snapshot(Elapsed),
            PortalsConnected = PortalsConnected,
            PortalsFailed = PortalsFailed,
            CommandsAnswered = links.OfType<PortalLink>().Sum(l => l.Player.Answered),
            OriginatesPlayed = links.OfType<PortalLink>().Sum(l => l.Player.OriginatesPlayed),
            Options = options,
        };
    }

    private async Task<PortalLink?[]> ConnectAllAsync(GrpcChannel channel, IReadOnlyList<string> apiKeys, CancellationToken cancellationToken)
    {
        var links = new PortalLink?[apiKeys.Count];
        var playback = new CommandPlayback
        {
            OriginateAnswerAfter = options.RingTime.Mean,
            OriginateTalkTime = options.TalkTime.Mean,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, apiKeys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                try
                {
                    var connection = await PbxConnection.ConnectAsync(channel, apiKeys[index], new PbxIdentity($"load-{index}"),
                        ackTimeout: options.AckTimeout, cancellationToken: token);
                    links[index] = new PortalLink(connection, new PbxCommandPlayer(connection, playback, time));
                    Interlocked.Increment(ref _connected);
                }
                catch (Exception ex) when (ex is RpcException or TimeoutException or HttpRequestException)
                {
                    Interlocked.Increment(ref _connectFailed);
                }
            });
        return links;
    }

    private async Task ArriveAsync(PortalLink?[] links, CancellationToken cancellationToken)
    {
        var planner = new CallPlanner(options, links.Length);
        var scripts = new CallScripts(options, time, Statistics, observer);
        long launched = 0;
        long id = 0;
        try
        {
            while (Elapsed < options.Duration)
            {
                var due = (long)(Elapsed.TotalSeconds * options.CallsPerSecond);
                for (; launched < due; launched++)
                {
                    var call = planner.Next();
                    if (Statistics.Active >= options.MaxActiveCalls)
                    {
                        Statistics.CallNotStarted();
                        continue;
                    }

                    var key = ++id;
                    var task = PlayTrackedAsync(scripts, call, links[call.Portal], key, cancellationToken);
                    _calls[key] = task;
                }

                await Task.Delay(ArrivalTick, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task PlayTrackedAsync(CallScripts scripts, PlannedCall call, PortalLink? link, long key, CancellationToken cancellationToken)
    {
        await Task.Yield(); // never run a call's first send on the arrival loop
        try
        {
            await scripts.PlayAsync(call, link, cancellationToken);
        }
        finally
        {
            _calls.TryRemove(key, out _);
        }
    }

    private async Task DrainAsync()
    {
        var remaining = _calls.Values.ToArray();
        try
        {
            await Task.WhenAll(remaining).WaitAsync(options.DrainTimeout, time);
        }
        catch (TimeoutException)
        {
            // Calls still playing are cut off when the streams close; they count as failed.
        }
    }
}
