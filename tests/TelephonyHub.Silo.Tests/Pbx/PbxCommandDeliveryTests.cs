using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>
/// Commands reach the PBX through its portal's link grain: kept until acknowledged, resent to the next stream,
/// not kept at all when they would make no sense later. (Wiring tests: the commands are put on the link directly.)
/// </summary>
public sealed class PbxCommandDeliveryTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private TelephonyWorld World => fixture.World;

    private IGrainFactory Grains => ((InProcessHub)World.Hub).Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task CommandSentWhileNoPbxIsConnected_WaitsAndIsDeliveredWhenItConnects()
    {
        var portal = await World.CreatePortalAsync();
        var link = Grains.GetGrain<IPbxLinkGrain>(portal.MemberId);

        var delivery = await link.SendAsync(World.Commands.Transfer("wait-1", "call-9", "104"));
        await using var pbx = await World.ConnectPbxAsync(portal);
        var command = await pbx.NextCommandAsync("the transfer sent while offline");

        Assert.Equal(PbxDelivery.Queued, delivery);
        Assert.Equal(1, pbx.Welcome.PendingCommands);
        Assert.Equal("wait-1", command.RequestId);
        Assert.Equal("call-9", command.TransferCall.CallId);
        Assert.Equal("104", command.TransferCall.Extension);
    }

    [Fact]
    public async Task UnacknowledgedCommand_IsResentToTheNextStream_AndAnAcknowledgedOneIsNot()
    {
        var portal = await World.CreatePortalAsync();
        var link = Grains.GetGrain<IPbxLinkGrain>(portal.MemberId);
        var first = await World.ConnectPbxAsync(portal);

        Assert.Equal(PbxDelivery.Delivered, await link.SendAsync(World.Commands.Transfer("ack-me", "call-1", "101")));
        Assert.Equal(PbxDelivery.Delivered, await link.SendAsync(World.Commands.Transfer("lose-me", "call-2", "102")));
        await first.AcknowledgeAsync(await first.NextCommandAsync("ack-me"));
        Assert.Equal("lose-me", (await first.NextCommandAsync("lose-me")).RequestId);
        // The stream applies what the PBX sends in order: once this event is acknowledged, so is the command.
        await first.SendAsync(World.Events.ExtensionState("101", ExtensionState.Idle));
        Assert.Equal(1, (await link.GetStatusAsync()).PendingCommands);
        await first.DisposeAsync();

        await using var second = await World.ConnectPbxAsync(portal);
        var resent = await second.NextCommandAsync("the unacknowledged command again");

        Assert.Equal(1, second.Welcome.PendingCommands);
        Assert.Equal("lose-me", resent.RequestId);
    }

    [Fact]
    public async Task CommandThatMustNotWait_IsNotKeptWithoutAStream()
    {
        var portal = await World.CreatePortalAsync();
        var link = Grains.GetGrain<IPbxLinkGrain>(portal.MemberId);

        var delivery = await link.SendAsync(World.Commands.Transfer("now-or-never", "call-3", "103") with { WaitForStream = false });
        await using var pbx = await World.ConnectPbxAsync(portal);

        Assert.Equal(PbxDelivery.NoStream, delivery);
        Assert.Equal(0, pbx.Welcome.PendingCommands);
        Assert.Equal(0, (await link.GetStatusAsync()).PendingCommands);
    }
}
