using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.PostgreSql;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// The recording wait survives the silo: the hub (its own process, PostgreSQL) is killed while a call waits for its
/// recording, and started again. No PBX event reaches the call afterwards, yet it is finished when the wait runs out —
/// only its reminder can have brought it back — and a recording arriving after that is still attached.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class RecordingWaitRestartTests(PostgreSqlFixture postgres) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> ShortWait = new()
    {
        // The hub's ceiling shortens the portal's 10-minute wait; reminders may tick every 2 s instead of every minute.
        ["Recordings:MaxRecordingWait"] = "00:00:08",
        ["Reminders:MinimumReminderPeriod"] = "00:00:02",
        ["Dispatch:WakeReminderPeriod"] = "00:00:02",
    };

    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() => _world = await TelephonyWorld.StartAsync(
        async settings => await HubProcess.StartAsync(settings),
        postgreSql: await postgres.CreateDatabaseAsync("recording_wait"),
        extra: ShortWait);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task SiloKilledWhileTheCallWaitsForItsRecording_FinishesAfterTheWait_AndALateRecordingIsStillAttached()
    {
        var portal = await _world.CreatePortalAsync();
        var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("wait-kill", "+4930444000", "104"),
            _world.Events.Answered("wait-kill", "104"),
            _world.Events.Ended("wait-kill", CallOutcome.Answered, talkSeconds: 48, recordingPending: true));
        await _world.WaitForAsync(portal, p => p.CardsOf(TestUsers.Dmitri).Count == 0 && p.RequestsFor("telephony.externalcall.hide").Count == 1,
            "Dmitri's card is hidden while the recording is awaited");

        await ((HubProcess)_world.Hub).KillAsync();
        await pbx.DisposeAsync();
        Assert.Empty(_world.Emulator.Snapshot(portal.MemberId).CallLog);
        await _world.RestartHubAsync(); // the restarted process logs afresh

        var finished = await _world.WaitForAsync(portal, p => p.CallLog.Count == 1,
            "the call is finished by its reminder after the restart", TimeSpan.FromSeconds(60));
        var record = Assert.Single(finished.CallLog);
        Assert.Equal((TestUsers.Dmitri, 48, "200"), (record.UserId, record.Duration, record.StatusCode));
        Assert.Null(record.Recording);
        await _world.Hub.Logs.WaitForAsync(l => l.Contains("did not come within 00:00:08", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the restarted hub logs why it finished without the recording");

        await using var reconnected = await _world.ConnectPbxAsync(portal);
        var file = new TestRecording("after-restart.mp3", 600_000, seed: 41);
        var ack = await reconnected.UploadRecordingAsync(_world.Events.RecordingUpload("wait-kill", file.FileName, file.Size), file.OpenRead());
        Assert.Equal(EventAckStatus.Applied, ack.Status);

        var attached = await _world.WaitForAsync(portal, p => p.CallLog[0].Recording is not null, "the late recording is attached", TimeSpan.FromSeconds(30));
        Assert.Equal((file.Sha256, "UPLOAD"), (attached.CallLog[0].Recording!.Sha256, attached.CallLog[0].Recording!.Mode));
        Assert.Single(attached.RequestsFor("telephony.externalcall.finish"));
    }
}
