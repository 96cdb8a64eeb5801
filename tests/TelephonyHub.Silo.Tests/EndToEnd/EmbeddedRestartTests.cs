using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// The embedded default (its own process, SQLite) keeps what it owes Bitrix24 across a crash: requests stored while
/// the portal was unreachable are delivered after a kill -9 and a restart, once each.
/// </summary>
public sealed class EmbeddedRestartTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> QuickRetries = new()
    {
        ["Dispatch:RetryBaseDelay"] = "00:00:00.200",
        ["Dispatch:RetryMaxDelay"] = "00:00:01",
        ["Dispatch:WakeReminderPeriod"] = "00:00:02",
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
    };

    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await HubProcess.StartAsync(settings), extra: QuickRetries);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RequestsPendingWhenTheHubIsKilled_AreDeliveredOnceAfterRestart()
    {
        var portal = await _world.CreatePortalAsync();
        await _world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings { Unreachable = true });
        var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("over", "+4930700100", "101"),
            _world.Events.Answered("over", "101"),
            _world.Events.Ended("over", CallOutcome.Answered, talkSeconds: 20),
            _world.Events.InboundCall("still-ringing", "+4930700200", "102"));

        await ((HubProcess)_world.Hub).KillAsync();
        await pbx.DisposeAsync();
        await _world.RestartHubAsync();
        await _world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings());

        var done = await _world.WaitForAsync(portal,
            p => p.RequestsFor("telephony.externalcall.finish").Count == 1 && p.CardsOf(TestUsers.Boris).Count == 1,
            "the finished call recorded and the ringing call's card shown after the restart", TimeSpan.FromSeconds(60));
        var registers = done.RequestsFor("telephony.externalcall.register").Where(r => r.StatusCode == 200).ToList();
        Assert.Equal(2, registers.Count);
        Assert.Equal("0", registers.Single(r => r.Parameter("EXTERNAL_CALL_ID") == "over").Parameter("SHOW"));
        Assert.Equal("1", registers.Single(r => r.Parameter("EXTERNAL_CALL_ID") == "still-ringing").Parameter("SHOW"));
        var record = Assert.Single(done.CallLog);
        Assert.Equal(20, record.Duration);
        Assert.DoesNotContain(done.CardTimeline, change => change.CallId == record.CallId);
    }
}
