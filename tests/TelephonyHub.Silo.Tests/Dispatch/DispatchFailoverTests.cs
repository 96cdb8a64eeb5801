using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.PostgreSql;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>
/// The production shape on a real PostgreSQL: requests pending for an unreachable portal survive the silo being
/// killed, and move with the dispatch grain when its silo leaves the cluster; either way each is delivered once.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DispatchFailoverTests(PostgreSqlFixture postgres)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Quick retries and a wake reminder every two seconds, so a moved or restarted dispatch resumes soon.</summary>
    private static readonly Dictionary<string, string> QuickResume = new()
    {
        ["Dispatch:RetryBaseDelay"] = "00:00:00.200",
        ["Dispatch:RetryMaxDelay"] = "00:00:01",
        ["Dispatch:WakeReminderPeriod"] = "00:00:02",
        ["Reminders:MinimumReminderPeriod"] = "00:00:01",
    };

    [Fact]
    public async Task SiloKilledWithRequestsPending_DeliversEachOnceAfterRestart()
    {
        await using var world = await TelephonyWorld.StartAsync(
            async settings => await HubProcess.StartAsync(settings), postgreSql: await postgres.CreateDatabaseAsync("dispatch_kill"), extra: QuickResume);
        var portal = await world.CreatePortalAsync();
        await world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings { Unreachable = true });
        var pbx = await world.ConnectPbxAsync(portal);
        await PendingWork.PlayAsync(world, pbx);

        await ((HubProcess)world.Hub).KillAsync();
        await pbx.DisposeAsync();
        Assert.Empty(world.Emulator.Snapshot(portal.MemberId).CallLog);
        await world.RestartHubAsync();
        await world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings());

        var done = await world.WaitForAsync(portal, PendingWork.Delivered, "the pending calls delivered after the restart", DeliveryTimeout);
        PendingWork.AssertDeliveredOnce(done);
    }

    [Fact]
    public async Task DispatchSiloLeavesTheCluster_PendingRequestsAreDeliveredFromTheOtherSilo()
    {
        await using var world = await TelephonyWorld.StartAsync(
            async settings => await InProcessHub.StartAsync(settings), postgreSql: await postgres.CreateDatabaseAsync("dispatch_move"), extra: QuickResume);
        var portal = await world.CreatePortalAsync(); // while it is the only silo: the portal's dispatch lives on it
        var leaving = (InProcessHub)world.Hub;
        await using var staying = await InProcessHub.StartAsync(world.Settings.AnotherSilo());
        await world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings { Unreachable = true });
        await using (var pbx = await PbxTestClient.ConnectAsync(staying.Settings.GrpcAddress, portal.ApiKey))
        {
            await PendingWork.PlayAsync(world, pbx);
        }

        var grains = staying.Services.GetRequiredService<IGrainFactory>();
        var dispatch = grains.GetGrain<IPortalDispatchGrain>(portal.MemberId);
        Assert.Equal(SiloOf(leaving), await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(dispatch));
        Assert.True((await dispatch.GetStatusAsync()).Pending > PendingWork.FinishedCalls);

        await leaving.DisposeAsync();
        await world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings());

        var done = await world.WaitForAsync(portal, PendingWork.Delivered, "the pending calls delivered from the remaining silo", DeliveryTimeout);
        PendingWork.AssertDeliveredOnce(done);
        Assert.Equal(SiloOf(staying), await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(dispatch));
    }

    private static SiloAddress SiloOf(InProcessHub hub) => hub.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
}
