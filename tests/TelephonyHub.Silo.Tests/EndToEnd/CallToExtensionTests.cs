using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>Scenario 1 through the real gateways, on the embedded default (one in-process hub, SQLite).</summary>
public sealed class CallToExtensionTests : IAsyncLifetime
{
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings));

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task InboundCallToExtension_RegistersForOwnerWithCard_AndFinishesWithTalkTime()
    {
        var portal = await _world.CreatePortalAsync();
        await using var pbx = await _world.ConnectPbxAsync(portal);

        var started = _world.Events.InboundCall("in-1", from: "030 1234567", extension: "101");
        var acks = await pbx.SendAllAsync(started, _world.Events.Ringing("in-1", "101"), _world.Events.Answered("in-1", "101"));
        Assert.All(acks, ack => Assert.Equal(EventAckStatus.Applied, ack.Status));

        var registered = await _world.WaitForAsync(portal,
            p => p.CardsOf(TestUsers.Anna).Count == 1 && p.RequestsFor("telephony.externalcall.register").Count == 1, "Anna sees the card");
        var register = Assert.Single(registered.RequestsFor("telephony.externalcall.register"));
        Assert.Equal("12", register.Parameter("USER_ID"));
        Assert.Equal("+49301234567", register.Parameter("PHONE_NUMBER"));
        Assert.Equal("2", register.Parameter("TYPE"));
        Assert.Equal("1", register.Parameter("SHOW"));
        Assert.Equal("7", register.Parameter("LINE_NUMBER"));
        Assert.Equal("in-1", register.Parameter("EXTERNAL_CALL_ID"));
        var startedAt = started.OccurredAt.ToDateTimeOffset();
        Assert.Equal(startedAt.AddTicks(-(startedAt.Ticks % TimeSpan.TicksPerSecond)), // ISO-8601 to the second, with offset
            DateTimeOffset.Parse(register.Parameter("CALL_START_DATE")!, System.Globalization.CultureInfo.InvariantCulture));

        await pbx.SendAsync(_world.Events.Ended("in-1", CallOutcome.Answered, talkSeconds: 42));

        var finished = await _world.WaitForAsync(portal,
            p => p.CallLog.Count == 1 && p.RequestsFor("telephony.externalcall.finish").Count == 1, "the call is in the call log");
        var finish = Assert.Single(finished.RequestsFor("telephony.externalcall.finish"));
        var callId = Assert.Single(finished.CallLog).CallId;
        Assert.Equal(callId, finish.Parameter("CALL_ID"));
        Assert.Equal("12", finish.Parameter("USER_ID"));
        Assert.Equal("42", finish.Parameter("DURATION"));
        Assert.Equal("200", finish.Parameter("STATUS_CODE"));
        Assert.Equal("1", finish.Parameter("ADD_TO_CHAT"));
        Assert.Empty(finished.Cards);
        Assert.Empty(finished.RequestsFor("telephony.externalcall.show"));
    }
}
