using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Telemetry;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// The hub and the emulator on one fake clock: what timing tests (queues, recording waits, outages) stand on.
/// A promised recording that never comes is finished after the portal's maximum wait — ten fake minutes, no real wait.
/// </summary>
public sealed class FakeClockWorldTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, _clock), time: _clock);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RecordingThatNeverComes_FinishesAfterTheMaximumWaitOnTheFakeClock()
    {
        using var answers = new DispatchAnswers();
        var portal = await _world.CreatePortalAsync();
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            _world.Events.InboundCall("slow-rec", "+4930900900", "101"),
            _world.Events.Answered("slow-rec", "101"));
        _clock.Advance(TimeSpan.FromSeconds(75));
        await pbx.SendAsync(_world.Events.Ended("slow-rec", CallOutcome.Answered, recordingPending: true));
        await _world.WaitForAsync(portal, p => p.CardsOf(TestUsers.Anna).Count == 0 && p.RequestsFor("telephony.externalcall.hide").Count == 1,
            "the card is hidden at once while the recording is awaited");
        // The emulator logs the hide as it answers; the jump must wait until the hub took the answer, or the request
        // would time out on the fake clock and its retry wait for a clock that no longer moves.
        await answers.WaitForAsync(portal.MemberId, "telephony.externalcall.hide", 1, TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(_world.Emulator.Snapshot(portal.MemberId).CallLog);
        _clock.Advance(TimeSpan.FromMinutes(1));

        var done = await _world.WaitForAsync(portal, p => p.CallLog.Count == 1, "the call is finished without its recording");
        var record = Assert.Single(done.CallLog);
        Assert.Equal(75, record.Duration);
        Assert.Null(record.Recording);
    }
}
