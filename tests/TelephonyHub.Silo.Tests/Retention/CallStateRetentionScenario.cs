using CallKey = TelephonyHub.Abstractions.Calls.CallKey;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Grains;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Retention;

/// <summary>
/// The grain state table does not keep every call ever made. Two calls through the real gateway, one finished and one
/// still waiting for its recording; then the whole table is made eight days old and the hub's sweep (every second
/// here) runs with the default seven-day retention. The finished call's row goes, the waiting call (its reminder
/// pending) and the portal's own rows stay. After a restart the waiting call still gets its recording attached, and
/// the PBX is told plainly that the deleted call is unknown.
/// </summary>
public abstract class CallStateRetentionScenario : IAsyncLifetime
{
    private static readonly Dictionary<string, string> SweepEverySecond = new() { ["Storage:CallStateSweepPeriod"] = "00:00:01" };

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

        await _world.RestartHubAsync(); // nothing left in memory: what the hub knows now is what it stored
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
