using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;
using Xunit.Abstractions;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>
/// A burst of calls against a portal with the default leaky bucket (50 at 2/s, reference §2.1): every call is
/// registered and finished, batched into far fewer HTTP requests than method calls, paced so that the portal's limit
/// never costs a call; tokens expiring in the middle are refreshed exactly once.
/// </summary>
public sealed class DispatchBurstTests(EmbeddedHubFixture fixture, ITestOutputHelper output) : IClassFixture<EmbeddedHubFixture>
{
    private const int Calls = 100;
    private static readonly TimeSpan BurstTimeout = TimeSpan.FromSeconds(90);

    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task BurstOfHundredCalls_AllRecordedWithFarFewerHttpRequestsThanMethodCalls()
    {
        var portal = await World.CreatePortalAsync();
        var mark = BurstTraffic.LastSequence(World.Emulator.Snapshot(portal.MemberId));
        var logMark = World.Hub.Logs.Count;
        await using var pbx = await World.ConnectPbxAsync(portal);

        await BurstTraffic.PlayAsync(World, pbx, "burst", Calls);

        var done = await World.WaitForAsync(portal, p => p.CallLog.Count == Calls, $"all {Calls} calls in the call log", BurstTimeout);
        var requests = BurstTraffic.Since(done, mark);
        var (httpRequests, methodCalls) = BurstTraffic.Count(requests);
        var refused = requests.Count(r => r.ErrorCode == "QUERY_LIMIT_EXCEEDED");
        output.WriteLine($"{Calls} calls: {methodCalls} Bitrix24 method calls in {httpRequests} HTTP requests ({refused} refused by the bucket)");

        for (var i = 0; i < Calls; i++)
        {
            var record = Assert.Single(done.CallLog, r => r.ExternalCallId == BurstTraffic.CallId("burst", i));
            Assert.Equal((i + 1, "200", TestUsers.Anna), (record.Duration, record.StatusCode, record.UserId));
        }

        Assert.Equal(Calls, requests.Count(r => r.Method == "telephony.externalcall.register" && r.StatusCode == 200));
        Assert.Equal(Calls, requests.Count(r => r.Method == "telephony.externalcall.finish" && r.StatusCode == 200));
        Assert.True(httpRequests * 3 <= methodCalls, $"{httpRequests} HTTP requests for {methodCalls} method calls: not batched enough");
        Assert.DoesNotContain(World.Hub.Logs.Snapshot().Skip(logMark),
            line => line.Contains("failed for good", StringComparison.Ordinal) && line.Contains(portal.MemberId, StringComparison.Ordinal));
        Assert.Empty(done.Cards);
    }

    [Fact]
    public async Task TokensExpiringMidBurst_AreRefreshedExactlyOnceAndNothingIsLost()
    {
        var portal = await World.CreatePortalAsync();
        var refreshesBefore = World.Emulator.Snapshot(portal.MemberId).TokenRequests.Count;
        await using var pbx = await World.ConnectPbxAsync(portal);

        var firstHalf = BurstTraffic.PlayAsync(World, pbx, "expiring", Calls / 2);
        await World.WaitForAsync(portal, p => p.CallLog.Count >= 10, "the burst under way", BurstTimeout);
        Assert.True(await World.Emulator.Admin.ExpireTokensAsync(portal.MemberId) > 0);
        await Task.WhenAll(firstHalf, BurstTraffic.PlayAsync(World, pbx, "expiring", Calls / 2, first: Calls / 2));

        var done = await World.WaitForAsync(portal, p => p.CallLog.Count == Calls, $"all {Calls} calls in the call log", BurstTimeout);
        var refreshes = done.TokenRequests.Skip(refreshesBefore).ToList();
        output.WriteLine($"token requests after the expiry: {refreshes.Count}; expired_token answers: {done.Requests.Count(r => r.ErrorCode == "expired_token")}");
        var refresh = Assert.Single(refreshes);
        Assert.True(refresh.Succeeded);
        Assert.Contains(done.Requests, r => r.ErrorCode == "expired_token");
        Assert.Equal(Calls, done.CallLog.Select(r => r.ExternalCallId).Distinct().Count());
    }

    [Fact]
    public async Task ConcurrentRefreshesWithTheSameExpiredToken_RefreshOnce()
    {
        var portal = await World.CreatePortalAsync();
        var grains = ((InProcessHub)World.Hub).Services.GetRequiredService<IGrainFactory>();
        var portalGrain = grains.GetGrain<IPortalGrain>(portal.MemberId);
        var expired = (await portalGrain.GetBitrix24AccessAsync())!.AccessToken;
        await World.Emulator.Admin.ExpireTokensAsync(portal.MemberId);
        var refreshesBefore = World.Emulator.Snapshot(portal.MemberId).TokenRequests.Count;

        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => portalGrain.RefreshBitrix24AccessAsync(expired)));

        Assert.Single(World.Emulator.Snapshot(portal.MemberId).TokenRequests.Skip(refreshesBefore));
        Assert.Single(connections.Select(c => c!.AccessToken).Distinct());
        Assert.DoesNotContain(connections, c => c!.AccessToken == expired);
    }

    [Fact]
    public async Task CallWhoseRegisterIsRefused_FailsAloneWhileTheBurstGoesThrough()
    {
        var portal = await World.CreatePortalAsync();
        await World.Emulator.Admin.PutUserAsync(portal.MemberId, new PortalUser(TestUsers.Dmitri, "Dmitri", "Volkov", "104") { Active = false });
        var logMark = World.Hub.Logs.Count;
        await using var pbx = await World.ConnectPbxAsync(portal);

        await Task.WhenAll(
            BurstTraffic.PlayAsync(World, pbx, "around", 20),
            pbx.SendAllAsync(
                World.Events.InboundCall("fired-user", "+4930777001", "104"),
                World.Events.Answered("fired-user", "104"),
                World.Events.Ended("fired-user", CallOutcome.Answered, talkSeconds: 9)));

        var done = await World.WaitForAsync(portal, p => p.CallLog.Count == 20, "the other 20 calls in the call log", BurstTimeout);
        await World.Hub.Logs.WaitForAsync(
            line => line.Contains("failed for good", StringComparison.Ordinal) && line.Contains(portal.MemberId, StringComparison.Ordinal)
                && line.Contains("telephony.externalcall.finish", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "the fired user's finish reported as impossible", logMark);
        var refused = Assert.Single(done.RequestsFor("telephony.externalcall.register"), r => r.Parameter("EXTERNAL_CALL_ID") == "fired-user");
        Assert.Equal("User is not found or is not active", refused.ErrorDescription);
        Assert.DoesNotContain(done.CallLog, r => r.ExternalCallId == "fired-user");
    }
}
