using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.ClickToCall;

/// <summary>
/// A click the PBX accepted is stored: when the hub restarts before the PBX reports the call, the call reported after
/// the restart still takes over the clicked Bitrix24 call, and no second one is registered.
/// </summary>
public sealed class ClickToCallRestartTests : IAsyncLifetime
{
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() => _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task ClickAcceptedBeforeARestart_IsFinishedOnTheClickedCallAfterIt()
    {
        var portal = await _world.CreatePortalAsync();
        var pbx = await _world.ConnectPbxAsync(portal);
        var click = await _world.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Clara, "+49301234567") { CallListId = 9 });
        var command = await pbx.NextCommandAsync("the originate for Clara's click");
        await pbx.AcknowledgeAsync(command);
        await _world.Hub.Logs.WaitForAsync(line => line.Contains(click.CallId, StringComparison.Ordinal) && line.Contains(": Dialling", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), $"click {click.CallId} to take the PBX's acceptance");

        await pbx.DisposeAsync();
        await _world.RestartHubAsync();
        await using var reconnected = await _world.ConnectPbxAsync(portal);
        var acks = await reconnected.SendAllAsync(
            _world.Events.OutboundCall("after-restart", "103", "+49301234567", originateRequestId: command.RequestId),
            _world.Events.Answered("after-restart", "103"),
            _world.Events.Ended("after-restart", CallOutcome.Answered, talkSeconds: 12));

        Assert.All(acks, ack => Assert.Equal(EventAckStatus.Applied, ack.Status));
        var done = await _world.WaitForAsync(portal, p => p.Finished(click.CallId) is not null, "the clicked call finished after the restart");
        Assert.Equal((12, 9, 16), (done.Finished(click.CallId)!.Duration, done.Finished(click.CallId)!.CallListId, done.Finished(click.CallId)!.UserId));
        Assert.Empty(done.RequestsFor("telephony.externalcall.register"));
    }
}
