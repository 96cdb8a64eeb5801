using Microsoft.Extensions.Time.Testing;
using TelephonyHub.PortalEmulator.Telephony;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.ClickToCall;

/// <summary>
/// A PBX that takes an originate and then goes quiet: on the fake clock, the click is given up after the
/// acknowledgement timeout (15 s) or the call report timeout (60 s), and its Bitrix24 call finished as failed.
/// </summary>
public sealed class ClickToCallTimeoutTests : IAsyncLifetime
{
    private const string Finish = "telephony.externalcall.finish";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() =>
        _world = await TelephonyWorld.StartAsync(async settings => await InProcessHub.StartAsync(settings, _clock), time: _clock);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task OriginateNeverAcknowledged_IsGivenUpAfterFifteenSeconds_With503()
    {
        var portal = await _world.CreatePortalAsync();
        await using var pbx = await _world.ConnectPbxAsync(portal);
        var click = await _world.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Anna, "+49301234567"));
        await pbx.NextCommandAsync("the originate the PBX will never answer");

        _clock.Advance(TimeSpan.FromSeconds(14));
        Assert.Empty(_world.Emulator.Snapshot(portal.MemberId).RequestsFor(Finish));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var done = await _world.WaitForAsync(portal, p => p.Finished(click.CallId) is not null && p.RequestsFor(Finish).Count == 1, "the unanswered click finished");
        var finish = Assert.Single(done.RequestsFor(Finish));
        Assert.Equal("503", finish.Parameter("STATUS_CODE"));
        Assert.Contains("did not answer the call request in time", finish.Parameter("FAILED_REASON"), StringComparison.Ordinal);
        Assert.Empty(done.CardsOf(TestUsers.Anna));
    }

    [Fact]
    public async Task OriginateAcceptedButTheCallNeverReported_IsGivenUpAfterAMinute_With480()
    {
        var portal = await _world.CreatePortalAsync();
        await using var pbx = await _world.ConnectPbxAsync(portal);
        var click = await _world.Emulator.Admin.ClickToCallAsync(portal.MemberId, new ClickToCallRequest(TestUsers.Anna, "+49301234567"));
        var command = await pbx.NextCommandAsync("the originate the PBX accepts");
        await pbx.AcknowledgeAsync(command);
        await _world.Hub.Logs.WaitForAsync(line => line.Contains(click.CallId, StringComparison.Ordinal) && line.Contains(": Dialling", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), $"click {click.CallId} to take the PBX's acceptance");

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(_world.Emulator.Snapshot(portal.MemberId).RequestsFor(Finish));
        _clock.Advance(TimeSpan.FromSeconds(30));

        var done = await _world.WaitForAsync(portal, p => p.Finished(click.CallId) is not null, "the accepted but unreported click finished");
        var finish = Assert.Single(done.RequestsFor(Finish));
        Assert.Equal("480", finish.Parameter("STATUS_CODE"));
        Assert.Contains("never reported it", finish.Parameter("FAILED_REASON"), StringComparison.Ordinal);
    }
}
