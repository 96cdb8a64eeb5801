using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>
/// The execution-time limit (reference §2.2) on one fake clock: a method whose budget is spent is refused with
/// OPERATION_TIME_LIMIT; the dispatch stops calling that method until the budget's reset time of its last good
/// answer, while other methods keep going.
/// </summary>
public sealed class OperatingLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero));
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, _clock), time: _clock);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task MethodOverItsBudget_WaitsUntilTheResetOfItsLastGoodAnswer_WhileOtherMethodsGo()
    {
        var portal = await _world.CreatePortalAsync();
        // Each register costs the portal 60 s of its 100 s budget: the third one is over.
        await _world.Emulator.Admin.SetLimitsAsync(portal.MemberId, new LimitSettings
        {
            OperatingLimitSeconds = 100,
            MethodCostSeconds = ImmutableDictionary<string, double>.Empty.Add("telephony.externalcall.register", 60),
        });
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(_world.Events.InboundCall("budget-1", "+4930111001", "101"), _world.Events.InboundCall("budget-2", "+4930111002", "102"));
        await _world.WaitForAsync(portal, p => p.ActiveCalls.Count == 2, "two calls registered");

        await pbx.SendAsync(_world.Events.InboundCall("budget-3", "+4930111003", "103"));
        await _world.WaitForAsync(portal, p => p.Requests.Any(r => r.ErrorCode == "OPERATION_TIME_LIMIT"), "the third register refused");
        await pbx.SendAsync(_world.Events.Ended("budget-1", CallOutcome.NoAnswer));
        var meanwhile = await _world.WaitForAsync(portal, p => p.CallLog.Count == 1, "the first call finished while register is blocked");
        Assert.Empty(meanwhile.CardsOf(TestUsers.Clara));

        _clock.Advance(TimeSpan.FromMinutes(10)); // the minute of the good answers drops out of the ten-minute window

        var done = await AfterTheResetAsync(portal, p => p.CardsOf(TestUsers.Clara).Count == 1, "the third call registered after the reset");
        var refusals = done.RequestsFor("telephony.externalcall.register").Count(r => r.ErrorCode == "OPERATION_TIME_LIMIT");
        Assert.Equal(1, refusals); // asked once, then waited instead of hammering the blocked method
    }

    /// <summary>
    /// Waits for <paramref name="condition"/> after the clock jumped past the reset. The dispatch arms its wake-up as
    /// "reset minus now"; when it does so while the test thread is advancing the fake clock, the timer counts from the
    /// advanced time and is due ten minutes late. One more jump covers that (a dispatch that armed nothing still fails).
    /// </summary>
    private async Task<PortalSnapshot> AfterTheResetAsync(TestPortal portal, Func<PortalSnapshot, bool> condition, string description)
    {
        try
        {
            return await _world.WaitForAsync(portal, condition, description, TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            _clock.Advance(TimeSpan.FromMinutes(10));
            return await _world.WaitForAsync(portal, condition, description);
        }
    }
}
