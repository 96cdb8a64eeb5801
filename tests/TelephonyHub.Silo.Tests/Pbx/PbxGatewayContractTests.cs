using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>What a PBX vendor sees when it gets the contract wrong, replays, or reaches for another tenant's calls.</summary>
public sealed class PbxGatewayContractTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private TelephonyWorld World => fixture.World;

    [Theory]
    [InlineData("")]
    [InlineData("thk1.nosuchportal.abc.def")]
    [InlineData("not-a-key")]
    public async Task UnknownKey_IsUnauthenticated_OnStreamAndPublish(string key)
    {
        var stream = await Assert.ThrowsAsync<RpcException>(() => PbxTestClient.ConnectAsync(World.Settings.GrpcAddress, key));
        Assert.Equal(StatusCode.Unauthenticated, stream.StatusCode);

        using var channel = GrpcChannel.ForAddress(World.Settings.GrpcAddress);
        var publish = await Assert.ThrowsAsync<RpcException>(async () => await new PbxGateway.PbxGatewayClient(channel)
            .PublishAsync(new PublishRequest { Event = World.Events.InboundCall("x", "+4930111") }, PbxTestClient.Headers(key)));
        Assert.Equal(StatusCode.Unauthenticated, publish.StatusCode);
    }

    [Fact]
    public async Task KeyOfAnotherPortalWithForgedPortalId_IsUnauthenticated()
    {
        var portal = await World.CreatePortalAsync();
        var other = await World.CreatePortalAsync();
        var parts = portal.ApiKey.Split('.');
        var forged = string.Join('.', parts[0], other.MemberId, parts[2], parts[3]);

        var refused = await Assert.ThrowsAsync<RpcException>(() => PbxTestClient.ConnectAsync(World.Settings.GrpcAddress, forged));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    public static TheoryData<string, string> MalformedEvents() => new()
    {
        { "no event id", "event.event_id" },
        { "no time", "event.occurred_at" },
        { "no kind", "event.kind" },
        { "no call id", "event.call_started.call_id" },
        { "no direction", "event.call_started.direction" },
        { "inbound without caller", "event.call_started.from_number" },
        { "negative talk time", "event.call_ended.talk_seconds" },
        { "cost without currency", "event.call_ended.cost_currency" },
        { "recording not http", "event.recording_ready.url" },
        { "recording not mp3/wav", "event.recording_ready.file_name" },
        { "ringing nobody", "event.call_ringing.extensions" },
    };

    [Theory]
    [MemberData(nameof(MalformedEvents))]
    public async Task MalformedEvent_OnPublish_IsInvalidArgumentNamingTheField(string malformation, string field)
    {
        var portal = await World.CreatePortalAsync();
        using var channel = GrpcChannel.ForAddress(World.Settings.GrpcAddress);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await new PbxGateway.PbxGatewayClient(channel)
            .PublishAsync(new PublishRequest { Event = Malformed(malformation) }, PbxTestClient.Headers(portal.ApiKey)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith(field + ":", refused.Status.Detail);
        Assert.Empty(World.Emulator.Snapshot(portal.MemberId).RequestsFor("telephony.externalcall.register"));
    }

    [Fact]
    public void QuietPbxConnections_ArePingedEveryTwentySeconds_AndClosedWhenThePingGoesUnanswered()
    {
        var http2 = ((InProcessHub)World.Hub).Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.Http2;

        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)), (http2.KeepAlivePingDelay, http2.KeepAlivePingTimeout));
    }

    [Fact]
    public async Task PublishWithoutAnEvent_IsInvalidArgumentNamingTheField()
    {
        var portal = await World.CreatePortalAsync();
        using var channel = GrpcChannel.ForAddress(World.Settings.GrpcAddress);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await new PbxGateway.PbxGatewayClient(channel)
            .PublishAsync(new PublishRequest(), PbxTestClient.Headers(portal.ApiKey)));

        Assert.Equal((StatusCode.InvalidArgument, "event: is required"), (refused.StatusCode, refused.Status.Detail));
    }

    [Fact]
    public async Task MalformedEvent_OnStream_IsRejectedNamingTheField_AndTheStreamGoesOn()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);

        var rejected = await pbx.SendAsync(Malformed("no call id"));
        var next = await pbx.SendAsync(World.Events.InboundCall("after-bad", "+4930222333", "101"));

        Assert.Equal(EventAckStatus.Rejected, rejected.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, rejected.Code);
        Assert.StartsWith("event.call_started.call_id:", rejected.Message);
        Assert.Equal(EventAckStatus.Applied, next.Status);
    }

    [Fact]
    public async Task ReplayedEvents_AreDuplicates_AndTheCallIsRegisteredOnce()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        var started = World.Events.InboundCall("replayed", "+4930333444", "103");

        var first = await pbx.SendAsync(started);
        var again = await pbx.SendAsync(started);
        await pbx.SendAsync(World.Events.Ended("replayed", CallOutcome.NoAnswer));
        var done = await World.WaitForAsync(portal, p => p.RequestsFor("telephony.externalcall.finish").Count == 1, "the missed call is finished");

        Assert.Equal(EventAckStatus.Applied, first.Status);
        Assert.Equal(EventAckStatus.Duplicate, again.Status);
        Assert.Single(done.RequestsFor("telephony.externalcall.register"));
        Assert.Equal("304", Assert.Single(done.CallLog).StatusCode);
    }

    [Fact]
    public async Task CallIdOfAnotherTenant_IsNotFound_AndChangesNothingOnEitherPortal()
    {
        var owner = await World.CreatePortalAsync();
        var intruder = await World.CreatePortalAsync();
        await using var ownerPbx = await World.ConnectPbxAsync(owner);
        await using var intruderPbx = await World.ConnectPbxAsync(intruder);
        await ownerPbx.SendAsync(World.Events.InboundCall("shared-id", "+4930444555", "101"));
        await World.WaitForAsync(owner, p => p.CardsOf(TestUsers.Anna).Count == 1, "Anna sees the owner's call");

        var answered = await intruderPbx.SendAsync(World.Events.Answered("shared-id", "102"));
        var ended = await intruderPbx.SendAsync(World.Events.Ended("shared-id", CallOutcome.Answered, talkSeconds: 10));

        Assert.Equal(EventAckStatus.Rejected, answered.Status);
        Assert.Equal((int)StatusCode.NotFound, answered.Code);
        Assert.Equal((int)StatusCode.NotFound, ended.Code);
        var ownerState = World.Emulator.Snapshot(owner.MemberId);
        Assert.Empty(ownerState.CallLog);
        Assert.Single(ownerState.CardsOf(TestUsers.Anna));
        Assert.DoesNotContain(World.Emulator.Snapshot(intruder.MemberId).Requests, r => r.Method.StartsWith("telephony.externalcall", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OutboundCallDialledAtThePhone_IsRegisteredOutgoingAndFinished()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);

        await pbx.SendAllAsync(
            World.Events.OutboundCall("out-1", extension: "104", to: "+4940123456"),
            World.Events.Answered("out-1", "104"),
            World.Events.Ended("out-1", CallOutcome.Answered, talkSeconds: 30));

        var done = await World.WaitForAsync(portal, p => p.RequestsFor("telephony.externalcall.finish").Count == 1, "the outbound call is finished");
        var register = Assert.Single(done.RequestsFor("telephony.externalcall.register"));
        Assert.Equal("1", register.Parameter("TYPE"));
        Assert.Equal("18", register.Parameter("USER_ID"));
        Assert.Equal("+4940123456", register.Parameter("PHONE_NUMBER"));
        var record = Assert.Single(done.CallLog);
        Assert.Equal(TestUsers.Dmitri, record.UserId);
        Assert.Equal(30, record.Duration);
    }

    [Fact]
    public async Task RevokedKey_ClosesItsStreamWithUnauthenticated_AndCannotReconnect()
    {
        var portal = await World.CreatePortalAsync();
        var pbx = await World.ConnectPbxAsync(portal);
        var (_, page) = await World.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);

        var (status, _) = await World.SettingsPage.RevokeKeyAsync(page, portal.ApiKey.Split('.')[2]);
        await pbx.Ended.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(StatusCode.Unauthenticated, pbx.EndedWith?.StatusCode);
        var again = await Assert.ThrowsAsync<RpcException>(() => World.ConnectPbxAsync(portal));
        Assert.Equal(StatusCode.Unauthenticated, again.StatusCode);
        await pbx.DisposeAsync();
    }

    private PbxEvent Malformed(string malformation)
    {
        var evt = malformation switch
        {
            "no event id" => World.Events.InboundCall("bad", "+4930111"),
            "no time" => World.Events.InboundCall("bad", "+4930111"),
            "no kind" => World.Events.InboundCall("bad", "+4930111"),
            "no call id" => World.Events.InboundCall("", "+4930111"),
            "no direction" => World.Events.InboundCall("bad", "+4930111"),
            "inbound without caller" => World.Events.InboundCall("bad", ""),
            "negative talk time" => World.Events.Ended("bad", CallOutcome.Answered, talkSeconds: -1),
            "cost without currency" => World.Events.Ended("bad", CallOutcome.Answered),
            "recording not http" => World.Events.RecordingReady("bad", new Uri("ftp://127.0.0.1/a.mp3")),
            "recording not mp3/wav" => World.Events.RecordingReady("bad", new Uri("http://127.0.0.1/a.mp3"), "a.ogg"),
            "ringing nobody" => World.Events.Ringing("bad"),
            _ => throw new ArgumentOutOfRangeException(nameof(malformation)),
        };
        switch (malformation)
        {
            case "no event id": evt.EventId = ""; break;
            case "no time": evt.OccurredAt = null; break;
            case "no kind": evt.ClearKind(); break;
            case "no direction": evt.CallStarted.Direction = CallDirection.Unspecified; break;
            case "cost without currency": evt.CallEnded.Cost = 1.5; break;
        }

        return evt;
    }
}
