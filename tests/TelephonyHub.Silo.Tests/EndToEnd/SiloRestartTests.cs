using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.PostgreSql;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// The production shape: the hub as its own process on a real PostgreSQL, killed without warning in the middle of a
/// call and started again; the call must still be finished in Bitrix24, exactly once.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SiloRestartTests(PostgreSqlFixture postgres) : IAsyncLifetime
{
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() => _world = await TelephonyWorld.StartAsync(
        async settings => await HubProcess.StartAsync(settings),
        postgreSql: await postgres.CreateDatabaseAsync("restart"));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task SiloKilledMidCall_CallStillFinishesExactlyOnce()
    {
        var portal = await _world.CreatePortalAsync();
        var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("restart-1", from: "+4930111222", extension: "102"),
            _world.Events.Answered("restart-1", "102"));
        await _world.WaitForAsync(portal, p => p.CardsOf(TestUsers.Boris).Count == 1 && p.RequestsFor("telephony.externalcall.register").Count == 1,
            "Boris sees the card before the kill");

        await ((HubProcess)_world.Hub).KillAsync();
        await pbx.DisposeAsync();
        await _world.RestartHubAsync();

        await using var reconnected = await _world.ConnectPbxAsync(portal);
        var ended = _world.Events.Ended("restart-1", CallOutcome.Answered, talkSeconds: 65);
        var ack = await reconnected.SendAsync(ended);
        var replay = await reconnected.SendAsync(ended);

        Assert.Equal(EventAckStatus.Applied, ack.Status);
        Assert.Equal(EventAckStatus.Duplicate, replay.Status);
        var done = await _world.WaitForAsync(portal, p => p.CallLog.Count == 1 && p.RequestsFor("telephony.externalcall.finish").Count == 1,
            "the call is finished after the restart");
        var record = Assert.Single(done.CallLog);
        Assert.Equal(TestUsers.Boris, record.UserId);
        Assert.Equal(65, record.Duration);
        Assert.Equal("200", record.StatusCode);
        Assert.Single(done.RequestsFor("telephony.externalcall.register"));
        Assert.Single(done.RequestsFor("telephony.externalcall.finish"));
        Assert.Empty(done.Cards);
    }
}
