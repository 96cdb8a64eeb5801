using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>How the dispatch fits what it sends to the portal: the plan's bucket, and cards folded into one request.</summary>
public sealed class DispatchPacingTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private TelephonyWorld World => fixture.World;

    [Theory]
    [InlineData(PortalPlan.Enterprise, 250, 5, "ent")]
    [InlineData(PortalPlan.Ordinary, 50, 2, "project")]
    public async Task Portal_IsPacedToTheBucketOfItsPlan(PortalPlan plan, int capacity, double drainPerSecond, string licenseFamily)
    {
        var portal = await World.CreatePortalAsync(plan);

        var status = await Dispatch(portal).GetStatusAsync();

        Assert.Equal((capacity, drainPerSecond, licenseFamily), (status.BucketCapacity, status.BucketDrainPerSecond, status.LicenseFamily));
        Assert.Single(World.Emulator.Snapshot(portal.MemberId).RequestsFor("app.info")); // learned once, with the install's requests
    }

    [Fact]
    public async Task CardsQueuedWhileThePortalIsDown_GoAsOneShowWithAUserArray()
    {
        var portal = await World.CreatePortalAsync();
        await World.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings { Unreachable = true });
        await using var pbx = await World.ConnectPbxAsync(portal);

        // A queue call nobody has answered yet: the PBX rings more and more extensions.
        await pbx.SendAllAsync(
            World.Events.InboundCall("queue-1", "+4930444555"),
            World.Events.Ringing("queue-1", "101"),
            World.Events.Ringing("queue-1", "101", "102"),
            World.Events.Ringing("queue-1", "101", "102", "103"));
        await World.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings());

        var done = await World.WaitForAsync(portal, p => p.Cards.Count == 3, "Anna, Boris and Clara see the card");
        var show = Assert.Single(done.RequestsFor("telephony.externalcall.show"));
        Assert.Equal(("12", "14", "16"), (show.Parameter("USER_ID[0]"), show.Parameter("USER_ID[1]"), show.Parameter("USER_ID[2]")));
        Assert.Equal("0", Assert.Single(done.RequestsFor("telephony.externalcall.register"), r => r.StatusCode == 200).Parameter("SHOW"));
    }

    private IPortalDispatchGrain Dispatch(TestPortal portal) =>
        ((InProcessHub)World.Hub).Services.GetRequiredService<IGrainFactory>().GetGrain<IPortalDispatchGrain>(portal.MemberId);
}
