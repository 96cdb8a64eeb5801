using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// A hub that allows no loopback source (here: only a documentation network is allowed, replacing the test default)
/// refuses a PBX's recording URL on 127.0.0.1 without requesting it: the call is still finished in Bitrix24, the log
/// says why the recording is missing.
/// </summary>
public sealed class RecordingSourceGuardTests : IAsyncLifetime
{
    private TelephonyWorld _world = null!;
    private RecordingFileServer _files = null!;

    public async Task InitializeAsync()
    {
        _files = await RecordingFileServer.StartAsync();
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings),
            extra: new Dictionary<string, string> { ["Recordings:FetchAllowedNetworks:0"] = "192.0.2.0/24" });
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _files.DisposeAsync();
    }

    [Fact]
    public async Task RecordingUrlOnTheHubsLoopback_IsNeverRequested_AndTheCallIsFinishedWithoutIt()
    {
        var portal = await _world.CreatePortalAsync();
        var url = _files.Serve(new TestRecording("internal.mp3", 20_000, seed: 5));
        var logMark = _world.Hub.Logs.Count;
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("ssrf", "+4930222002", "101"),
            _world.Events.Answered("ssrf", "101"),
            _world.Events.Ended("ssrf", CallOutcome.Answered, talkSeconds: 12, recordingPending: true),
            _world.Events.RecordingReady("ssrf", url));

        var reason = await RecordingNotAttached.WaitAsync(_world, portal, logMark);
        Assert.Contains("host 127.0.0.1 is in 127.0.0.0/8", reason, StringComparison.Ordinal);
        Assert.Equal(0, _files.RequestsFor("internal.mp3"));
    }
}
