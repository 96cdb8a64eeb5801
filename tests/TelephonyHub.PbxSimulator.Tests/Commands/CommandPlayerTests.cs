using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Commands;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.PbxSimulator.Tests.Commands;

/// <summary>
/// The simulator answers the hub's commands as a PBX would: acknowledged (the link grain forgets them), then carried
/// out on the call. The commands are put on the portal's link directly: which decisions send them is other issues'.
/// </summary>
public sealed class CommandPlayerTests(SimulatorWorldFixture fixture) : IClassFixture<SimulatorWorldFixture>
{
    private TelephonyWorld World => fixture.World;

    private IGrainFactory Grains => ((InProcessHub)World.Hub).Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task TransferCommand_IsAcknowledged_AndTheCallMovesToTheNewExtension()
    {
        var portal = await World.CreatePortalAsync();
        await using var connection = await PbxConnection.ConnectAsync(World.Settings.GrpcAddress, portal.ApiKey, PbxIdentity.Simulator);
        using var stop = new CancellationTokenSource();
        var player = new PbxCommandPlayer(connection, new CommandPlayback(), TimeProvider.System);
        var answering = player.RunAsync(stop.Token);
        var events = new PbxEventBuilder(TimeProvider.System);
        await connection.SendAsync(events.InboundCall("tr-1", "+4930111222", "101"));
        await connection.SendAsync(events.Answered("tr-1", "101"));

        var link = Grains.GetGrain<IPbxLinkGrain>(portal.MemberId);
        Assert.Equal(PbxDelivery.Delivered, await link.SendAsync(Envelope("transfer-1", new TransferCallCommand("tr-1", "102"))));

        await World.WaitForAsync(portal, p => p.CardsOf(TestUsers.Boris).Count == 1 && p.CardsOf(TestUsers.Anna).Count == 0,
            "the card moved from Anna to Boris after the transfer the PBX carried out");
        await stop.CancelAsync();
        await answering;
        Assert.Equal(1, player.Answered);
        Assert.Equal(0, (await link.GetStatusAsync()).PendingCommands);
    }

    [Fact]
    public async Task OriginateCommand_IsAcknowledgedWithTheNewCall_AndPlayedAsAnOutboundCallOfThatUser()
    {
        var portal = await World.CreatePortalAsync();
        await using var connection = await PbxConnection.ConnectAsync(World.Settings.GrpcAddress, portal.ApiKey, PbxIdentity.Simulator);
        using var stop = new CancellationTokenSource();
        var player = new PbxCommandPlayer(connection, new CommandPlayback
        {
            OriginateAnswerAfter = TimeSpan.Zero,
            OriginateTalkTime = TimeSpan.Zero,
        }, TimeProvider.System);
        var originated = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var played = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        player.Originated += (callId, _) => originated.TrySetResult(callId);
        player.OriginatePlayed += (_, ok) => played.TrySetResult(ok);
        var answering = player.RunAsync(stop.Token);

        var link = Grains.GetGrain<IPbxLinkGrain>(portal.MemberId);
        await link.SendAsync(Envelope("originate-1", new OriginateCallCommand("103", "+4930999888", null, null)));
        var callId = await originated.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var done = await World.WaitForAsync(portal, p => p.CallLog.Any(r => r.ExternalCallId == callId),
            $"the originated call {callId} finished in the call log");
        var register = Assert.Single(done.RequestsFor("telephony.externalcall.register"), r => r.Parameter("EXTERNAL_CALL_ID") == callId);
        Assert.Equal("1", register.Parameter("TYPE"));
        Assert.Equal(TestUsers.Clara.ToString(System.Globalization.CultureInfo.InvariantCulture), register.Parameter("USER_ID"));
        Assert.True(await played.Task.WaitAsync(TimeSpan.FromSeconds(20)), "the PBX played the originated call to its end");
        await stop.CancelAsync();
        await answering;
        Assert.Equal(1, player.OriginatesPlayed);
    }

    private PbxCommandEnvelope Envelope(string requestId, Abstractions.Pbx.PbxCommand command) => new()
    {
        RequestId = requestId,
        IssuedAt = World.Time.GetUtcNow(),
        ExpiresAt = World.Time.GetUtcNow().AddMinutes(5),
        Command = command,
    };
}
