using System.Collections.Concurrent;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Load;
using TelephonyHub.Testing.World;

namespace TelephonyHub.PbxSimulator.Tests.Load;

/// <summary>A short load run over several portals: every call it completes is a record in its portal's call log.</summary>
public sealed class LoadEngineTests(SimulatorWorldFixture fixture) : IClassFixture<SimulatorWorldFixture>
{
    [Fact]
    public async Task LoadRun_PlaysTheRealisticMixOverSeveralPortals_AndEveryCallLandsInBitrix24()
    {
        var world = fixture.World;
        TestPortal[] portals = [await world.CreatePortalAsync(), await world.CreatePortalAsync()];
        var observer = new CallsByPortal();
        var options = new LoadOptions
        {
            CallsPerSecond = 10,
            Duration = TimeSpan.FromSeconds(2),
            DrainTimeout = TimeSpan.FromSeconds(60),
            RingTime = Distribution.Fixed(TimeSpan.FromMilliseconds(50)),
            TalkTime = Distribution.Fixed(TimeSpan.FromMilliseconds(100)),
            RecordingDelay = Distribution.Fixed(TimeSpan.FromMilliseconds(50)),
            CommandWait = TimeSpan.FromMilliseconds(100),
            RecordingUrl = fixture.Recordings.UrlFor,
        };

        var result = await new LoadEngine(options, TimeProvider.System, observer).RunAsync(world.Settings.GrpcAddress, [.. portals.Select(p => p.ApiKey)], CancellationToken.None);

        Assert.Equal(2, result.PortalsConnected);
        Assert.True(result.Final.Started >= 15, $"started {result.Final.Started} calls at 10/s for 2 s");
        Assert.Equal(0, result.Final.Failed);
        Assert.Equal(result.Final.Started, result.Final.Completed);
        for (var i = 0; i < portals.Length; i++)
        {
            var calls = observer.Completed(i);
            await world.WaitForAsync(portals[i], p => calls.All(c => p.CallLog.Any(r => r.ExternalCallId == c)),
                $"all {calls.Count} calls of portal {i} in its call log", TimeSpan.FromSeconds(60));
        }
    }

    private sealed class CallsByPortal : ILoadObserver
    {
        private readonly ConcurrentDictionary<int, ConcurrentBag<string>> _completed = new();

        public IReadOnlyCollection<string> Completed(int portal) => _completed.TryGetValue(portal, out var calls) ? [.. calls] : [];

        public void EventSending(PlannedCall call, PbxEvent evt, DateTimeOffset at)
        {
        }

        public void CallFinished(PlannedCall call, bool succeeded)
        {
            if (succeeded)
            {
                _completed.GetOrAdd(call.Portal, _ => []).Add(call.CallId);
            }
        }
    }
}
