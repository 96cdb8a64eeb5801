using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Grains.Pbx;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>
/// A PBX stream keeps its place on its portal's link by renewing a lease. When the link grain is reactivated (its
/// silo restarted in a rolling deploy) the stream attaches again on its own; a revoked key ends the stream all the
/// same. The clock is fake: the renewals the tests need are a jump away, not 30 real seconds.
/// </summary>
public sealed class PbxStreamLeaseTests(FakeClockHubFixture fixture) : IClassFixture<FakeClockHubFixture>
{
    private static readonly TimeSpan StreamLease = new PbxLinkOptions().StreamLease;

    private TelephonyWorld World => fixture.World;

    private IGrainFactory Grains => ((InProcessHub)World.Hub).Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task RevokedKey_AfterTheLinkWasReactivated_EndsTheStream_AndNothingSentWithTheKeyIsApplied()
    {
        var portal = await World.CreatePortalAsync();
        var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAsync(World.Events.ExtensionState("101", ExtensionState.Idle));
        await ReactivateLinkAsync(portal);

        var (_, page) = await World.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        var (status, _) = await World.SettingsPage.RevokeKeyAsync(page, portal.ApiKey.Split('.')[2]);
        var late = await Record.ExceptionAsync(() => pbx.SendAsync(World.Events.InboundCall("after-revoke", "+4930777888", "101")));
        var stillOpen = await Record.ExceptionAsync(() => pbx.Ended.WaitAsync(TimeSpan.FromSeconds(20)));

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.True(stillOpen is null, "The stream of the revoked key was still open 20 s after the revocation.");
        Assert.Equal(StatusCode.Unauthenticated, pbx.EndedWith?.StatusCode);
        Assert.Equal("The PBX API key was revoked.", pbx.EndedWith?.Status.Detail);
        Assert.True(late is RpcException or InvalidOperationException,
            $"The call started after the revocation must not be acknowledged; got {late?.GetType().Name ?? "an acknowledgement"}.");
        Assert.Equal(1, pbx.Welcomes);
        Assert.Empty(World.Emulator.Snapshot(portal.MemberId).RequestsFor("telephony.externalcall.register"));
        await pbx.DisposeAsync();
    }

    [Fact]
    public async Task Reattach_AfterTheLinkWasReactivated_ResendsThePendingCommand_WithoutASecondWelcome()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAsync(World.Events.ExtensionState("101", ExtensionState.Idle));
        var link = Grains.GetGrain<IPbxLinkGrain>(portal.MemberId);
        Assert.Equal(PbxDelivery.Delivered, await link.SendAsync(World.Commands.Transfer("resend-me", "call-7", "104")));
        Assert.Equal("resend-me", (await pbx.NextCommandAsync("the transfer")).RequestId);
        await ReactivateLinkAsync(portal);

        fixture.Clock.Advance(StreamLease / 3);
        var resent = await pbx.NextCommandAsync("the unacknowledged transfer, resent when the stream attached again");
        var after = await pbx.SendAsync(World.Events.ExtensionState("101", ExtensionState.Busy));

        Assert.Equal("resend-me", resent.RequestId);
        Assert.Equal(1, pbx.Welcomes);
        Assert.Equal(EventAckStatus.Applied, after.Status);
        Assert.Equal(1, (await link.GetStatusAsync()).OpenStreams);
    }

    [Fact]
    public async Task StreamTheRevocationCouldNotClose_IsRefusedWhenItNextRenews()
    {
        var portal = await World.CreatePortalAsync();
        var keyId = portal.ApiKey.Split('.')[2];
        var link = Grains.GetGrain<IPbxLinkGrain>(portal.MemberId);
        var unreachable = new UnreachableStream();
        var stream = Grains.CreateObjectReference<IPbxCommandObserver>(unreachable);
        var attached = await link.AttachAsync("unreachable", keyId, stream);

        var (_, page) = await World.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        var (status, _) = await World.SettingsPage.RevokeKeyAsync(page, keyId);
        var renewal = await link.RenewAsync("unreachable");
        var again = await link.AttachAsync("unreachable", keyId, stream);

        Assert.Equal(PbxLease.Held, attached.Lease);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Equal(1, unreachable.CloseAttempts);
        Assert.Equal(PbxLease.Lost, renewal);
        Assert.Equal(PbxLease.Revoked, again.Lease);
        Assert.Empty(again.Pending);
        Grains.DeleteObjectReference<IPbxCommandObserver>(stream);
    }

    /// <summary>Deactivates the portal's link grain, as a restart of its silo would; the next call activates it again.</summary>
    private async Task ReactivateLinkAsync(TestPortal portal)
    {
        await Grains.GetGrain<IPbxLinkGrain>(portal.MemberId).AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        // The new activation has not heard from the stream: it sends it no command until the stream renews.
        Assert.Equal(0, (await Grains.GetGrain<IPbxLinkGrain>(portal.MemberId).GetStatusAsync()).OpenStreams);
    }

    /// <summary>A stream on a silo the link cannot reach for the moment: closing it fails.</summary>
    private sealed class UnreachableStream : IPbxCommandObserver
    {
        private int _closeAttempts;

        public int CloseAttempts => Volatile.Read(ref _closeAttempts);

        public Task DeliverAsync(PbxCommandEnvelope command) => Task.CompletedTask;

        public Task CloseAsync(string reason)
        {
            Interlocked.Increment(ref _closeAttempts);
            throw new TimeoutException("The stream's silo did not answer.");
        }
    }
}
