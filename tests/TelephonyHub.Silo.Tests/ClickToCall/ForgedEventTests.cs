using System.Collections.Immutable;
using System.Security.Cryptography;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.ClickToCall;

/// <summary>
/// Reference §4.3: an event is only acted on when its <c>auth[application_token]</c> is the one the portal named by
/// <c>auth[member_id]</c> gave at install. Anything else is refused, logged without the token, and changes nothing:
/// no PBX command, no Bitrix24 request.
/// </summary>
public sealed class ForgedEventTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task EventWithAWrongToken_IsRefusedWith401_AndChangesNothing()
    {
        var (portal, pbx, genuine) = await PortalWithAClickAsync();
        await using var _ = pbx;
        var requestsBefore = World.Emulator.Snapshot(portal.MemberId).Requests.Count;
        var forged = genuine.With("data[CALL_ID]", NewCallId()).With("auth[application_token]", RandomNumberGenerator.GetHexString(32, lowercase: true));

        var (status, _) = await EventReplay.PostAsync(World.Http, forged);

        Assert.Equal(401, status);
        await AssertNothingReachedThePbxAsync(portal, pbx);
        Assert.Equal(requestsBefore, World.Emulator.Snapshot(portal.MemberId).Requests.Count);
        Assert.DoesNotContain(World.Hub.Logs.Snapshot(), line => line.Contains(forged.Single(f => f.Name == "auth[application_token]").Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventOfAnUnknownPortal_IsRefusedWith401()
    {
        var (portal, pbx, genuine) = await PortalWithAClickAsync();
        await using var _ = pbx;

        var (status, _) = await EventReplay.PostAsync(World.Http, genuine.With("data[CALL_ID]", NewCallId()).With("auth[member_id]", RandomNumberGenerator.GetHexString(32, lowercase: true)));

        Assert.Equal(401, status);
        await AssertNothingReachedThePbxAsync(portal, pbx);
    }

    [Fact]
    public async Task GenuineEventReplayedForAnotherPortal_IsRefusedThere_AndChangesNothingThere()
    {
        var (_, firstPbx, genuine) = await PortalWithAClickAsync();
        await using var __ = firstPbx;
        var other = await World.CreatePortalAsync();
        await using var otherPbx = await World.ConnectPbxAsync(other);
        var requestsBefore = World.Emulator.Snapshot(other.MemberId).Requests.Count;

        var (status, _) = await EventReplay.PostAsync(World.Http, genuine
            .With("auth[member_id]", other.MemberId)
            .With("auth[domain]", other.Domain)
            .With("auth[client_endpoint]", World.Emulator.ClientEndpoint(other.MemberId).AbsoluteUri));

        Assert.Equal(401, status);
        await AssertNothingReachedThePbxAsync(other, otherPbx);
        Assert.Equal(requestsBefore, World.Emulator.Snapshot(other.MemberId).Requests.Count);
    }

    [Fact]
    public async Task EventWithoutItsToken_OrWithoutTheClickingUser_IsRefusedWith400()
    {
        var (portal, pbx, genuine) = await PortalWithAClickAsync();
        await using var _ = pbx;

        var (noToken, _) = await EventReplay.PostAsync(World.Http, genuine.With("data[CALL_ID]", NewCallId()).Without("auth[application_token]"));
        var (noUser, body) = await EventReplay.PostAsync(World.Http, genuine.With("data[CALL_ID]", NewCallId()).Without("data[USER_ID]"));

        Assert.Equal((400, 400), (noToken, noUser));
        Assert.Contains("data[USER_ID] is missing", body, StringComparison.Ordinal);
        await AssertNothingReachedThePbxAsync(portal, pbx);
    }

    /// <summary>A portal whose PBX already carried out one genuine click; returns that click's event as delivered.</summary>
    private async Task<(TestPortal Portal, PbxTestClient Pbx, ImmutableArray<EventField> Event)> PortalWithAClickAsync()
    {
        var portal = await World.CreatePortalAsync();
        var pbx = await World.ConnectPbxAsync(portal);
        var click = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Anna, "+49301234567"));
        var command = await pbx.NextCommandAsync("the originate of the genuine click");
        Assert.Equal(click.CallId, command.OriginateCall.Bitrix24CallId);
        await pbx.AcknowledgeAsync(command);
        return (portal, pbx, Assert.Single(click.Deliveries).Fields);
    }

    /// <summary>
    /// Commands reach a PBX in the order they are sent: when a genuine click made after the forged event is the next
    /// command, the forged event sent none.
    /// </summary>
    private async Task AssertNothingReachedThePbxAsync(TestPortal portal, PbxTestClient pbx)
    {
        var barrier = await World.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Boris, "+49309999999"));
        var next = await pbx.NextCommandAsync("the originate of the genuine click made after the forged event");
        Assert.Equal(barrier.CallId, next.OriginateCall.Bitrix24CallId);
        await pbx.AcknowledgeAsync(next);
    }

    private static string NewCallId() => $"externalCall.{RandomNumberGenerator.GetHexString(32, lowercase: true)}.1773236989";
}
