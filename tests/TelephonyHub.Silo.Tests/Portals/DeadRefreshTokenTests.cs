using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Portals;

/// <summary>
/// A portal whose refresh token died (180 days without a refresh, reference §2.3) needs the app reinstalled; its calls
/// keep queuing meanwhile and reach Bitrix24 after the reinstall — nothing is lost.
/// </summary>
public sealed class DeadRefreshTokenTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, _clock), time: _clock);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task DeadRefreshToken_MarksThePortalForReinstall_CallsWait_AndAreDeliveredAfterIt()
    {
        var portal = await _world.CreatePortalAsync();
        _clock.Advance(TimeSpan.FromDays(181));
        var logMark = _world.Hub.Logs.Count;
        await using (var pbx = await _world.ConnectPbxAsync(portal))
        {
            await pbx.SendAllAsync(
                _world.Events.InboundCall("while-dead", "+4930246810", "103"),
                _world.Events.Ended("while-dead", CallOutcome.NoAnswer));
        }

        await _world.Hub.Logs.WaitForAsync(l => l.Contains($"Portal {portal.MemberId}: the refresh token is dead", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the hub to find the refresh token dead", logMark);
        var (_, page) = await _world.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        Assert.Contains("NeedsReinstall", page);
        Assert.Empty(_world.Emulator.Snapshot(portal.MemberId).CallLog);

        await _world.ReinstallAsync(portal);

        var done = await _world.WaitForAsync(portal, p => p.CallLog.Count == 1, "the missed call recorded after the reinstall");
        var record = Assert.Single(done.CallLog);
        Assert.Equal("304", record.StatusCode);
        Assert.Equal(TestUsers.Clara, record.UserId);
        Assert.DoesNotContain(done.CardTimeline, c => c.CallId == record.CallId); // over before it reached Bitrix24: no card
    }
}
