using CallKey = TelephonyHub.Abstractions.Calls.CallKey;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Grains;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Retention;

/// <summary>
/// The grain state table does not keep every call ever made. Calls go through the real gateway, then rows are made
/// older in the database and the hub's sweep (every second here) runs with the default seven-day retention: what is
/// past it goes, what is just inside it, still waited for, or needed by a recording job still running stays.
/// </summary>
public abstract class CallStateRetentionScenario : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private static readonly Dictionary<string, string> SweepEverySecond = new()
    {
        ["Storage:CallStateSweepPeriod"] = "00:00:01",
        ["Dispatch:RetryMaxDelay"] = "00:00:02", // a portal back from an outage is tried again soon
    };

    private TelephonyWorld _world = null!;

    protected abstract DatabaseProvider Provider { get; }

    /// <summary>The hub's database for the world (null: the embedded SQLite default).</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    /// <summary>The connection string the test reads the hub's database with.</summary>
    protected abstract string ConnectionString(TelephonyWorld world);

    /// <summary>A statement making every stored state row <paramref name="days"/> days older.</summary>
    protected abstract string AgeAllRows(int days);

    public async Task InitializeAsync() => _world = await TelephonyWorld.StartAsync(
        async settings => await InProcessHub.StartAsync(settings), postgreSql: await CreateDatabaseAsync(), extra: SweepEverySecond);

    public virtual async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>
    /// A finished call and one waiting for its recording; the hub restarts and the whole table is made eight days old.
    /// The finished call's row goes, the waiting call (its reminder pending) and the portal's own rows stay. The waiting
    /// call still gets its recording attached, and the PBX is told plainly that the deleted call is unknown.
    /// </summary>
    [Fact]
    public async Task FinishedCallsStateIsDeletedAfterTheRetention_WaitingCallsAndPortalsStay()
    {
        var portal = await _world.CreatePortalAsync();
        await using (var pbx = await _world.ConnectPbxAsync(portal))
        {
            await pbx.SendAllAsync(
                _world.Events.InboundCall("done", "+4930555100", "101"),
                _world.Events.Answered("done", "101"),
                _world.Events.Ended("done", CallOutcome.Answered, talkSeconds: 30),
                _world.Events.InboundCall("waiting", "+4930555200", "102"),
                _world.Events.Answered("waiting", "102"),
                _world.Events.Ended("waiting", CallOutcome.Answered, talkSeconds: 40, recordingPending: true));
            await _world.WaitForAsync(portal, p => p.CallLog.Count == 1 && p.RequestsFor("telephony.externalcall.hide").Count == 1,
                "the first call is finished and the second one's card hidden while its recording is awaited");
        }

        await EverythingStoredAsync();

        Assert.Equal(["done", "waiting"], await CallRowsAsync());
        using var deletedRows = new StorageMeters(((InProcessHub)_world.Hub).Services);
        var longLived = await LongLivedRowsAsync();
        Assert.Superset(new HashSet<string>(["dispatch", "pbx-link", "portal", "presence"]), longLived.Select(row => row.StateName).ToHashSet());
        var logMark = _world.Hub.Logs.Count;

        await Sql.ExecuteAsync(Provider, ConnectionString(_world), AgeAllRows(8));

        await _world.Hub.Logs.WaitForAsync(l => l.Contains("Deleted 1 stored call state row(s) unchanged for 7.00:00:00", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the sweep to delete the finished call's row", logMark);
        Assert.Equal(["waiting"], await CallRowsAsync());
        Assert.Equal([("call", 1L)], deletedRows.Deleted);
        Assert.Subset((await LongLivedRowsAsync()).ToHashSet(), longLived.ToHashSet());

        await using var reconnected = await _world.ConnectPbxAsync(portal);
        var file = new TestRecording("kept.mp3", 200_000, seed: 7);
        var upload = await reconnected.UploadRecordingAsync(_world.Events.RecordingUpload("waiting", file.FileName, file.Size), file.OpenRead());
        var late = await reconnected.SendAsync(_world.Events.Ended("done", CallOutcome.Answered, talkSeconds: 30));

        Assert.Equal(EventAckStatus.Applied, upload.Status);
        Assert.Equal((EventAckStatus.Rejected, 5), (late.Status, late.Code));
        Assert.Contains("not known on this portal", late.Message, StringComparison.Ordinal);
        var done = await _world.WaitForAsync(portal, p => p.CallLog.Count == 2 && p.CallLog.All(r => r.Duration != 40 || r.Recording is not null),
            "the waiting call is finished with its recording");
        var waiting = Assert.Single(done.CallLog, r => r.Duration == 40);
        Assert.Equal((TestUsers.Boris, file.Sha256), (waiting.UserId, waiting.Recording!.Sha256));
        Assert.Equal(2, done.RequestsFor("telephony.externalcall.finish").Count);
    }

    /// <summary>Two finished calls, one last changed a minute past the retention, one two minutes inside it.</summary>
    [Fact]
    public async Task TheRetentionIsTheBoundary_ACallAMinutePastItGoes_OneJustInsideStays()
    {
        var portal = await _world.CreatePortalAsync();
        await using (var pbx = await _world.ConnectPbxAsync(portal))
        {
            foreach (var (callId, extension) in new[] { ("past", "101"), ("inside", "102") })
            {
                await pbx.SendAllAsync(
                    _world.Events.InboundCall(callId, "+4930555100", extension),
                    _world.Events.Answered(callId, extension),
                    _world.Events.Ended(callId, CallOutcome.Answered, talkSeconds: 30));
            }

            await _world.WaitForAsync(portal, p => p.CallLog.Count == 2, "both calls finished in Bitrix24");
        }

        await EverythingStoredAsync();

        using var deletedRows = new StorageMeters(((InProcessHub)_world.Hub).Services);
        var logMark = _world.Hub.Logs.Count;
        var now = DateTimeOffset.UtcNow;
        await SetModifiedOnAsync(CallKey.For(portal.MemberId, "past"), now - Retention - TimeSpan.FromMinutes(1));
        await SetModifiedOnAsync(CallKey.For(portal.MemberId, "inside"), now - Retention + TimeSpan.FromMinutes(2));

        await _world.Hub.Logs.WaitForAsync(l => l.Contains("Deleted 1 stored call state row(s)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the sweep to delete the call past the retention", logMark);
        Assert.Equal(["inside"], await CallRowsAsync());
        Assert.Equal([("call", 1L)], deletedRows.Deleted);
    }

    /// <summary>
    /// Bitrix24 is unreachable while a call ends and its recording is uploaded: the call is not registered yet, and
    /// the recording job waits (a reminder stands by) to attach the file to the call the replay will register. Both rows
    /// are made eight days old with the rest; the sweep deletes another portal's finished call and keeps these two, the
    /// call's although only the job has a reminder. When Bitrix24 is back the call lands with its recording.
    /// </summary>
    [Fact]
    public async Task ACallWhoseRecordingJobStillRuns_StaysPastTheRetention_AndGetsItsRecordingWhenBitrix24IsBack()
    {
        var down = await _world.CreatePortalAsync();
        var other = await _world.CreatePortalAsync();
        await _world.Emulator.Admin.SetFaultsAsync(down.MemberId, new FaultSettings { Unreachable = true });
        var file = new TestRecording("outage.mp3", 150_000, seed: 11);
        await using (var pbx = await _world.ConnectPbxAsync(down))
        {
            await pbx.SendAllAsync(
                _world.Events.InboundCall("outage", "+4930555300", "101"),
                _world.Events.Answered("outage", "101"),
                _world.Events.Ended("outage", CallOutcome.Answered, talkSeconds: 50, recordingPending: true));
            var upload = await pbx.UploadRecordingAsync(_world.Events.RecordingUpload("outage", file.FileName, file.Size), file.OpenRead());
            Assert.Equal(EventAckStatus.Applied, upload.Status);
        }

        await using (var pbx = await _world.ConnectPbxAsync(other))
        {
            await pbx.SendAllAsync(
                _world.Events.InboundCall("done", "+4930555400", "101"),
                _world.Events.Answered("done", "101"),
                _world.Events.Ended("done", CallOutcome.Answered, talkSeconds: 20));
            await _world.WaitForAsync(other, p => p.CallLog.Count == 1, "the other portal's call finished");
        }

        await EverythingStoredAsync();

        var outageKey = CallKey.For(down.MemberId, "outage");
        Assert.Equal(["recording-job"], await RemindersOfAsync(outageKey)); // the job's alone: the call has none
        using var deletedRows = new StorageMeters(((InProcessHub)_world.Hub).Services);
        var logMark = _world.Hub.Logs.Count;

        await Sql.ExecuteAsync(Provider, ConnectionString(_world), AgeAllRows(8));

        await _world.Hub.Logs.WaitForAsync(l => l.Contains("Deleted 1 stored call state row(s)", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the sweep to delete the other portal's finished call", logMark);
        Assert.Equal([("call", 1L)], deletedRows.Deleted);
        Assert.Equal([PerCallStates.Call, PerCallStates.Recording], await StatesOfAsync(outageKey));

        await _world.Emulator.Admin.SetFaultsAsync(down.MemberId, new FaultSettings());
        var done = await _world.WaitForAsync(down, p => p.CallLog is [{ Recording: not null }],
            "the call registered, finished and its recording attached once Bitrix24 is back", TimeSpan.FromSeconds(60));
        var record = Assert.Single(done.CallLog);
        Assert.Equal(("outage", 50, file.Sha256), (record.ExternalCallId, record.Duration, record.Recording!.Sha256));
    }

    /// <summary>
    /// Restarts the hub, so that every grain stored what it held (a call stores a CALL_ID learnt after its finish when it
    /// deactivates) and no later write makes a row younger than the test makes it; what the hub knows from then on is
    /// what it stored.
    /// </summary>
    private Task EverythingStoredAsync() => _world.RestartHubAsync();

    private Task SetModifiedOnAsync(string key, DateTimeOffset modifiedOn) =>
        Sql.ExecuteAsync(Provider, ConnectionString(_world), "UPDATE OrleansStorage SET ModifiedOn = @modifiedOn WHERE GrainIdExtensionString = @key",
            ("modifiedOn", PerCallStateSweep.StoredTimestamp(Provider, modifiedOn)), ("key", key));

    /// <summary>The names of the reminders of the grains keyed <paramref name="key"/> (the call's, the recording job's).</summary>
    private async Task<string[]> RemindersOfAsync(string key) =>
        [.. (await Sql.RowsAsync(Provider, ConnectionString(_world),
                "SELECT ReminderName FROM OrleansRemindersTable WHERE GrainId LIKE @grain", ("grain", "%/" + key)))
            .Select(row => (string)row[0]!)
            .Order(StringComparer.Ordinal)];

    /// <summary>The state names stored under <paramref name="key"/>.</summary>
    private async Task<string[]> StatesOfAsync(string key) =>
        [.. (await Sql.RowsAsync(Provider, ConnectionString(_world),
                "SELECT GrainTypeString FROM OrleansStorage WHERE GrainIdExtensionString = @key", ("key", key)))
            .Select(row => (string)row[0]!)
            .Order(StringComparer.Ordinal)];

    /// <summary>The PBX call ids of the stored call states.</summary>
    private async Task<string[]> CallRowsAsync() =>
        [.. (await Sql.RowsAsync(Provider, ConnectionString(_world),
                "SELECT GrainIdExtensionString FROM OrleansStorage WHERE GrainTypeString = @state", ("state", PerCallStates.Call)))
            .Select(row => CallKey.Parse((string)row[0]!).PbxCallId)
            .Order(StringComparer.Ordinal)];

    /// <summary>The stored rows other than per-call state: the portal's own, its presence, dispatch, PBX link.</summary>
    private async Task<(string StateName, string Key)[]> LongLivedRowsAsync() =>
        [.. (await Sql.RowsAsync(Provider, ConnectionString(_world), "SELECT GrainTypeString, GrainIdExtensionString FROM OrleansStorage"))
            .Select(row => ((string)row[0]!, (string)row[1]!))
            .Where(row => PerCallStates.All.All(state => state.StateName != row.Item1))];
}
