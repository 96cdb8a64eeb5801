using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Portals;

/// <summary>
/// A refresh token dies 180 days after it was issued (reference §3.4). A portal with no calls for five months has its
/// tokens refreshed by the hub all the same, so a call seven months after the install still reaches Bitrix24 with no
/// reinstall. The check runs every two seconds here (a day by default); the fake clock carries the months.
/// </summary>
public sealed class TokenKeepAliveTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() => _world = await TelephonyWorld.StartAsync(
        async settings => await InProcessHub.StartAsync(settings, _clock),
        time: _clock,
        extra: new Dictionary<string, string>
        {
            ["Portals:TokenKeepAliveCheckPeriod"] = "00:00:02",
            ["Reminders:MinimumReminderPeriod"] = "00:00:01",
        });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task APortalQuietForFiveMonths_HasItsTokensRefreshed_AndACallSevenMonthsAfterInstallReachesBitrix24()
    {
        var portal = await _world.CreatePortalAsync();
        var installedAt = _clock.GetUtcNow();
        var logMark = _world.Hub.Logs.Count;
        _clock.Advance(TimeSpan.FromDays(149));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a check or more: the tokens are not old enough yet
        Assert.DoesNotContain(_world.Emulator.Snapshot(portal.MemberId).TokenRequests, r => r.GrantType == "refresh_token" && r.At > installedAt);

        _clock.Advance(TimeSpan.FromDays(2));

        // The hub stored the new tokens (it logs after the write): only then may the clock move on.
        await _world.Hub.Logs.WaitForAsync(l => l.Contains($"Portal {portal.MemberId}: tokens refreshed", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the hub to refresh the portal's tokens unasked", logMark);
        var keptAlive = Assert.Single(_world.Emulator.Snapshot(portal.MemberId).TokenRequests, r => r.GrantType == "refresh_token" && r.At > installedAt);
        Assert.True(keptAlive.Succeeded);

        _clock.Advance(TimeSpan.FromDays(60)); // 211 days after the install: its refresh token is long dead
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("after-seven-months", "+4930246810", "101"),
            _world.Events.Ended("after-seven-months", CallOutcome.NoAnswer));

        var done = await _world.WaitForAsync(portal, p => p.CallLog.Count == 1, "the call recorded without a reinstall");
        Assert.Equal("after-seven-months", done.CallLog[0].ExternalCallId);
        Assert.All(done.TokenRequests.Where(r => r.GrantType == "refresh_token"), r => Assert.True(r.Succeeded));
        Assert.DoesNotContain(_world.Hub.Logs.Snapshot(), l => l.Contains("refresh token is dead", StringComparison.Ordinal));
    }
}
