using System.Collections.Immutable;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Tests.Limits;

/// <summary>Reference §2.1 (leaky bucket) and §2.2 (operating-time limit), driven by a fake clock.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task OrdinaryPortal_AcceptsABurstOfFiftyThenAnswers503()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var statuses = new List<int>();
        for (var i = 0; i < 51; i++)
        {
            statuses.Add((await h.GetAsync("profile")).Status);
        }

        var refused = await h.GetAsync("profile");
        Assert.All(statuses.Take(50), s => Assert.Equal(200, s));
        Assert.Equal(503, statuses[50]);
        Assert.Equal("QUERY_LIMIT_EXCEEDED", refused.Error);
        Assert.Equal("Too many requests", refused.Description);
    }

    [Fact]
    public async Task FullBucket_DrainsTwoRequestsPerSecond()
    {
        await using var h = await EmulatorHarness.StartAsync();
        for (var i = 0; i < 50; i++)
        {
            await h.GetAsync("profile");
        }

        h.Clock.Advance(TimeSpan.FromSeconds(1));

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await h.GetAsync("profile")).Status);
        }

        Assert.Equal([200, 200, 503], statuses);
    }

    [Fact]
    public async Task EnterprisePortal_AcceptsTwoHundredFifty()
    {
        await using var h = await EmulatorHarness.StartAsync(PortalPlan.Enterprise);

        var statuses = new List<int>();
        for (var i = 0; i < 251; i++)
        {
            statuses.Add((await h.GetAsync("profile")).Status);
        }

        Assert.Equal(250, statuses.Count(s => s == 200));
        Assert.Equal(503, statuses[^1]);
    }

    [Fact]
    public async Task DisabledBucket_NeverRefuses()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.SetLimitsAsync(EmulatorHarness.Domain, new LimitSettings { BucketDisabled = true });

        for (var i = 0; i < 80; i++)
        {
            Assert.Equal(200, (await h.GetAsync("profile")).Status);
        }
    }

    [Fact]
    public async Task OperatingTime_OverTheBudget_BlocksOnlyThatMethodUntilReset()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.SetLimitsAsync(EmulatorHarness.Domain, new LimitSettings
        {
            BucketDisabled = true,
            OperatingLimitSeconds = 480,
            MethodCostSeconds = ImmutableDictionary<string, double>.Empty.Add("user.get", 100),
        });

        var used = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            used.Add((await h.GetAsync("user.get")).Json["time"]!["operating"]!.GetValue<double>());
            h.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var blocked = await h.GetAsync("user.get");
        var other = await h.GetAsync("profile");
        h.Clock.Advance(TimeSpan.FromMinutes(6));
        var again = await h.GetAsync("user.get");

        Assert.Equal([100, 200, 300, 400, 500], used.Select(u => Math.Round(u)));
        Assert.Equal(429, blocked.Status);
        Assert.Equal("OPERATION_TIME_LIMIT", blocked.Error);
        Assert.Equal("Method is blocked due to operation time limit.", blocked.Description);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 10, 0, TimeSpan.Zero).ToUnixTimeSeconds(), blocked.Json["time"]!["operating_reset_at"]!.GetValue<long>());
        Assert.Equal(200, other.Status);
        Assert.Equal(200, again.Status);
    }
}
