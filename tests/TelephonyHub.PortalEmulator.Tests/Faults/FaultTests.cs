using TelephonyHub.PortalEmulator.Faults;

namespace TelephonyHub.PortalEmulator.Tests.Faults;

/// <summary>Faults injected from the admin API: what a hub sees of a portal that is down or failing.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task UnreachablePortal_AbortsTheConnectionAndLogsIt()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.SetFaultsAsync(EmulatorHarness.Domain, new FaultSettings { Unreachable = true });

        await Assert.ThrowsAsync<HttpRequestException>(() => h.GetAsync("profile"));

        Assert.Equal("CONNECTION_ABORTED", h.Portal.Snapshot.Requests.Single().ErrorCode);
    }

    [Fact]
    public async Task SlowPortal_HoldsTheAnswerUntilTheEmulatorClockPassesTheDelay()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.SetFaultsAsync(EmulatorHarness.Domain, new FaultSettings { DelayMilliseconds = 5000 });

        var pending = h.GetAsync("profile");
        await h.Server.WaitForAsync(EmulatorHarness.Domain, s => s.HeldRequests == 1, EmulatorHarness.Timeout, "the profile request held by the delay");
        Assert.False(pending.IsCompleted);
        h.Clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(200, (await pending.WaitAsync(EmulatorHarness.Timeout)).Status);
        Assert.Equal(0, h.Portal.Snapshot.HeldRequests);
    }

    [Fact]
    public async Task ServerErrorsForTwoRequests_ThenThePortalAnswersAgain()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.SetFaultsAsync(EmulatorHarness.Domain, new FaultSettings { ServerErrorStatus = 500, RemainingFaultedRequests = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await h.GetAsync("profile")).Status);
        }

        Assert.Equal([500, 500, 200], statuses);
    }

    [Fact]
    public async Task ShortTokenLifetime_ExpiresNewTokensEarly()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.SetFaultsAsync(EmulatorHarness.Domain, new FaultSettings { AccessTokenLifetimeSeconds = 60 });
        h.Tokens = await h.Server.Admin.IssueTokensAsync(EmulatorHarness.Domain, EmulatorHarness.ClientId, 1);

        h.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(60, h.Tokens.ExpiresIn);
        Assert.Equal("expired_token", (await h.GetAsync("profile")).Error);
    }

    [Fact]
    public async Task InactivePortal_AnswersPortalDeleted()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.Server.Admin.SetPortalActiveAsync(EmulatorHarness.Domain, active: false);

        var reply = await h.GetAsync("profile");

        Assert.Equal((403, "PORTAL_DELETED"), (reply.Status, reply.Error));
    }
}
