using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// Recordings the hub fetches from the PBX's web server (a loopback server the test controls), on real time with short
/// retry delays: a URL that fails is tried again with backoff, a file that is not audio is never attached.
/// </summary>
public sealed class RecordingFetchTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> QuickRetries = new()
    {
        ["Recordings:FetchRetryBaseDelay"] = "00:00:00.300",
        ["Recordings:FetchRetryMaxDelay"] = "00:00:02",
    };

    private TelephonyWorld _world = null!;
    private RecordingFileServer _files = null!;

    public async Task InitializeAsync()
    {
        _files = await RecordingFileServer.StartAsync();
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings), extra: QuickRetries);
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _files.DisposeAsync();
    }

    [Fact]
    public async Task UrlThatFailsTwiceThenWorks_IsFetchedOnTheThirdAttemptAndAttached()
    {
        var portal = await _world.CreatePortalAsync();
        var recording = new TestRecording("flaky.mp3", 400_000, seed: 21);
        var url = _files.Serve(recording, failures: 2, failWith: 503);
        var logMark = _world.Hub.Logs.Count;
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("flaky", "+4930222000", "101"),
            _world.Events.Answered("flaky", "101"),
            _world.Events.Ended("flaky", CallOutcome.Answered, talkSeconds: 33, recordingPending: true),
            _world.Events.RecordingReady("flaky", url));

        var done = await _world.WaitForAsync(portal, p => p.CallLog.Count == 1 && p.CallLog[0].Recording is not null,
            "the recording is attached once its URL works");
        Assert.Equal((recording.Sha256, recording.Size), (done.CallLog[0].Recording!.Sha256, done.CallLog[0].Recording!.Size));
        Assert.Equal(3, _files.RequestsFor("flaky.mp3"));
        var logged = _world.Hub.Logs.Snapshot().Skip(logMark).ToList();
        Assert.Contains(logged, l => l.Contains("(attempt 1): the PBX answered HTTP 503", StringComparison.Ordinal));
        Assert.Contains(logged, l => l.Contains("(attempt 2): the PBX answered HTTP 503", StringComparison.Ordinal));
        Assert.Contains(logged, l => l.Contains("fetched and stored on attempt 3", StringComparison.Ordinal));
        Assert.Single(done.RequestsFor("telephony.externalcall.attachrecord"));
    }

    [Fact]
    public async Task UrlServingAWebPage_IsNotAttached_AndTheReasonIsLogged()
    {
        var portal = await _world.CreatePortalAsync();
        var page = new TestRecording("error-page.mp3", 3_000, RecordingKind.Html);
        var logMark = _world.Hub.Logs.Count;
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("html", "+4930222001", "101"),
            _world.Events.Answered("html", "101"),
            _world.Events.Ended("html", CallOutcome.Answered, talkSeconds: 4, recordingPending: true),
            _world.Events.RecordingReady("html", _files.Serve(page)));

        var reason = await RecordingNotAttached.WaitAsync(_world, portal, logMark);
        Assert.Contains("neither MP3 (ID3 tag or MPEG frame) nor WAV (RIFF/WAVE) (served as text/html)", reason, StringComparison.Ordinal);
        Assert.Equal(1, _files.RequestsFor("error-page.mp3")); // refused for good: not fetched again
    }
}
