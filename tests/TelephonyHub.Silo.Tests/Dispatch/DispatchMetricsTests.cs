using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.Silo.Tests.Telemetry;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>A portal in trouble, as an operator's dashboard and the settings page show it, on a fake clock.</summary>
[Collection(ProcessWideTelemetryCollection.Name)]
public sealed class DispatchMetricsTests : IAsyncLifetime
{
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, _clock), time: _clock);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task UnreachablePortal_ShowsItsQueueDepthOldestAgeAndRetries_UntilItIsBack()
    {
        var portal = await _world.CreatePortalAsync();
        using var meters = new DispatchMeters(portal.MemberId);
        await _world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings { Unreachable = true });
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("stuck-1", "+4930123123", "101"),
            _world.Events.Ended("stuck-1", CallOutcome.NoAnswer),
            _world.Events.InboundCall("stuck-2", "+4930123124", "102"),
            _world.Events.Ended("stuck-2", CallOutcome.NoAnswer));
        await meters.SeenAsync("telephonyhub.dispatch.retried", Quickly);

        _clock.Advance(TimeSpan.FromSeconds(90));
        // Both registers failed again: the dispatch counted it and armed its next try.
        await meters.WaitForAsync(m => m.Sum("telephonyhub.dispatch.retried") >= 3, "a second try while the portal is unreachable", Quickly);

        Assert.Equal(4, meters.Gauge("telephonyhub.dispatch.queue_depth"));
        Assert.Equal(90, meters.Gauge("telephonyhub.dispatch.oldest_pending_age"));
        var status = await Dispatch(portal).GetStatusAsync();
        Assert.Equal((4, _clock.GetUtcNow().AddSeconds(-90)), (status.Pending, status.OldestPendingSince));
        Assert.NotNull(status.BackingOffUntil);
        Assert.Contains("Transient", status.LastError);

        await _world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings());
        _clock.Advance(TimeSpan.FromSeconds(40));
        await _world.WaitForAsync(portal, p => p.CallLog.Count == 2, "both stuck calls recorded once the portal is back");
        await meters.SeenAsync("telephonyhub.dispatch.answers", Quickly, "telephony.externalcall.finish", "ok");

        Assert.Equal(0, meters.Gauge("telephonyhub.dispatch.queue_depth"));
        Assert.Equal(0, meters.Gauge("telephonyhub.dispatch.oldest_pending_age"));
        Assert.Equal(3, meters.Sum("telephonyhub.dispatch.retried")); // the first register alone, then both in one batch
        Assert.Equal(6, meters.Sum("telephonyhub.dispatch.batched")); // both registers in the outage, again after it, then both finishes
        var (_, page) = await _world.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        Assert.StartsWith("up to date — last error: batch: Transient", Shown(page, "dispatch-state"));
        Assert.Matches(@"^\d+ sent in \d+ HTTP request\(s\), \d+ in batches; 3 retried, 0 refused by the rate limit, 0 failed; paced to 50 at 2/s \(project\)$",
            Shown(page, "dispatch-traffic"));
    }

    [Fact]
    public async Task RefusalsByTheBucket_AreCountedForThePortal()
    {
        var portal = await _world.CreatePortalAsync();
        using var meters = new DispatchMeters(portal.MemberId);
        // Another app on the same server has used up the portal's bucket (reference §2.1): our mirror cannot know.
        await _world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings { BucketSize = 1, DrainPerSecond = 0.5 });
        await using var pbx = await _world.ConnectPbxAsync(portal);

        await pbx.SendAllAsync(
            _world.Events.InboundCall("limited-1", "+4930123001", "101"),
            _world.Events.InboundCall("limited-2", "+4930123002", "102"));
        await meters.SeenAsync("telephonyhub.dispatch.rejected_by_limit", Quickly);
        await _world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings());
        _clock.Advance(TimeSpan.FromSeconds(30));

        await _world.WaitForAsync(portal, p => p.Cards.Count == 2, "both cards shown after the refusal");
        Assert.True((await Dispatch(portal).GetStatusAsync()).RejectedByLimit >= 1);
        Assert.True(meters.Sum("telephonyhub.dispatch.rejected_by_limit") >= 1);
        var (_, page) = await _world.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        Assert.Matches(@"[1-9]\d* refused by the rate limit", Shown(page, "dispatch-traffic"));
    }

    /// <summary>The text of the settings page's status line with that id.</summary>
    private static string Shown(string page, string id) =>
        Regex.Match(page, $"id=\"{id}\">(.*?)</dd>") is { Success: true } line ? WebUtility.HtmlDecode(line.Groups[1].Value) : $"(no #{id} on the page)";

    private IPortalDispatchGrain Dispatch(TestPortal portal) =>
        ((InProcessHub)_world.Hub).Services.GetRequiredService<IGrainFactory>().GetGrain<IPortalDispatchGrain>(portal.MemberId);
}
