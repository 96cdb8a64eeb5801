using Microsoft.Extensions.Time.Testing;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Dispatch;

/// <summary>
/// Scenario 6 on one fake clock (hub and emulator): the portal is unreachable for ten emulated minutes while 200 calls
/// start and end at the PBX. When it is back, every call is in the call log with its real start, duration and status,
/// registered without a card in the order the PBX saw them; the call still ringing gets its card, first.
/// </summary>
public sealed class OutageReplayTests : IAsyncLifetime
{
    private const int Calls = 200;
    private static readonly TimeSpan RetryMaxDelay = TimeSpan.FromSeconds(30);
    private static readonly string[] Extensions = ["101", "102", "103", "104"];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private TelephonyWorld _world = null!;

    public async Task InitializeAsync() => _world = await TelephonyWorld.StartAsync(
        async settings => await InProcessHub.StartAsync(settings, _clock),
        time: _clock,
        extra: new Dictionary<string, string> { ["Dispatch:RetryMaxDelay"] = RetryMaxDelay.ToString() });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task TenMinuteOutage_ReplaysEveryCallWithoutCardsInPbxOrder_AndTheRingingCallGetsItsCard()
    {
        var portal = await _world.CreatePortalAsync();
        await using var pbx = await _world.ConnectPbxAsync(portal);
        await _world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings { Unreachable = true });
        var outageStart = _clock.GetUtcNow();

        var expected = new List<ExpectedCallRecord>();
        for (var i = 0; i < Calls; i++)
        {
            expected.Add(await PlayCallAsync(pbx, i));
        }

        await pbx.SendAllAsync(
            _world.Events.InboundCall("still-ringing", "+4930999000", "102"),
            _world.Events.Ringing("still-ringing", "102"));
        Assert.Equal(TimeSpan.FromMinutes(10), _clock.GetUtcNow() - outageStart);
        Assert.Empty(_world.Emulator.Snapshot(portal.MemberId).CallLog);

        await _world.Emulator.Admin.SetFaultsAsync(portal.MemberId, new FaultSettings());
        // A try may still be on its way back from the last aborted connection: let the hub take it in (and arm its next
        // try on the clock as it is) before the clock moves on.
        var aborted = _world.Emulator.Snapshot(portal.MemberId).Requests.Count(r => r.StatusCode == 0);
        await _world.Hub.Logs.WaitForAsync(line => line.Contains($"Portal {portal.MemberId} failed {aborted} request(s) in a row", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), $"the hub to take in all {aborted} aborted tries");
        _clock.Advance(RetryMaxDelay * 1.2); // the longest portal backoff, jitter included: the next try finds it back

        var done = await _world.WaitForAsync(portal, p => p.CallLog.Count == Calls && p.CardsOf(TestUsers.Boris).Count == 1,
            $"all {Calls} calls in the call log and Boris seeing the ringing call", TimeSpan.FromSeconds(60));

        Assert.Equal(expected.Select(e => e.CallId), done.CallLog.Select(r => r.ExternalCallId)); // finished in PBX order
        foreach (var (record, call) in done.CallLog.Zip(expected))
        {
            Assert.Equal((call.StartedAt, call.Duration, call.StatusCode, call.UserId),
                (record.CallStartDate, record.Duration, record.StatusCode, record.UserId));
        }

        var registers = done.RequestsFor("telephony.externalcall.register").Where(r => r.StatusCode == 200).ToList();
        var replayed = registers.Where(r => r.Parameter("EXTERNAL_CALL_ID")!.StartsWith("outage-", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Select(e => e.CallId), replayed.Select(r => r.Parameter("EXTERNAL_CALL_ID"))); // registered in PBX order, once
        Assert.All(replayed, r => Assert.Equal("0", r.Parameter("SHOW")));
        var replayedCallIds = done.CallLog.Select(r => r.CallId).ToHashSet();
        Assert.DoesNotContain(done.CardTimeline, change => replayedCallIds.Contains(change.CallId));

        var ringing = Assert.Single(registers, r => r.Parameter("EXTERNAL_CALL_ID") == "still-ringing");
        Assert.Equal("1", ringing.Parameter("SHOW"));
        Assert.True(ringing.Sequence < replayed.Min(r => r.Sequence), "the live call's card goes before the records");
        Assert.Empty(done.RequestsFor("telephony.externalcall.show"));
    }

    /// <summary>One call during the outage, three seconds of PBX time: most answered, some missed, some busy.</summary>
    private async Task<ExpectedCallRecord> PlayCallAsync(Testing.Pbx.PbxTestClient pbx, int index)
    {
        var callId = $"outage-{index}";
        var extension = Extensions[index % Extensions.Length];
        var outcome = index % 5 == 4 ? CallOutcome.NoAnswer : index % 7 == 6 ? CallOutcome.Busy : CallOutcome.Answered;
        var talk = outcome == CallOutcome.Answered ? 5 + (index % 40) : 0;
        var started = _world.Events.InboundCall(callId, $"+49301{index:000000}", extension);
        await pbx.SendAsync(started);
        if (outcome == CallOutcome.Answered)
        {
            await pbx.SendAsync(_world.Events.Answered(callId, extension));
        }

        _clock.Advance(TimeSpan.FromSeconds(2));
        await pbx.SendAsync(_world.Events.Ended(callId, outcome, talkSeconds: talk));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var user = TestUsers.Extensions.Single(e => e.Value == extension).Key;
        var status = outcome switch { CallOutcome.Answered => "200", CallOutcome.NoAnswer => "304", _ => "486" };
        return new ExpectedCallRecord(callId, started.OccurredAt.ToDateTimeOffset(), talk, status, user);
    }
}
