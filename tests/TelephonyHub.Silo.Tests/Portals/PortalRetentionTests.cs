using Grpc.Core;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Portals;

/// <summary>What an uninstalled portal leaves behind: kept for the retention period (a reinstall finds it), then purged.</summary>
public sealed class PortalRetentionTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> ShortRetention = new()
    {
        ["Portals:UninstalledDataRetention"] = "00:00:02",
        ["Portals:CleanUninstallDelay"] = "00:00:01",
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
    };

    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings), extra: ShortRetention);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task UninstalledPortal_IsPurgedAfterRetention_AndAReinstallStartsAfresh()
    {
        var portal = await _world.CreatePortalAsync();
        var logMark = _world.Hub.Logs.Count;

        await _world.Emulator.Admin.UninstallAppAsync(portal.MemberId, _world.Settings.ClientId);
        await _world.Hub.Logs.WaitForAsync(l => l.Contains($"Portal {portal.MemberId}: data purged", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), "the portal purged after its retention", logMark);
        var reinstalled = await _world.ReinstallAsync(portal);

        var (_, page) = await _world.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        // Only the key issued after the reinstall is listed: the old key's (revoked) record went with the purge.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "<td>test-pbx</td>"));
        Assert.DoesNotContain("revoked", page);
        var old = await Assert.ThrowsAsync<RpcException>(() => _world.ConnectPbxAsync(portal));
        Assert.Equal(StatusCode.Unauthenticated, old.StatusCode);
        await using var pbx = await _world.ConnectPbxAsync(reinstalled);
        Assert.Equal(EventAckStatus.Applied, (await pbx.SendAsync(_world.Events.InboundCall("after-purge", "+4930777888", "101"))).Status);
    }
}
