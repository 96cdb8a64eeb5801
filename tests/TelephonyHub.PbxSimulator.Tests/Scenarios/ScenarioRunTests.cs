using TelephonyHub.PbxSimulator.Client;
using TelephonyHub.PbxSimulator.Scenarios;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.World;

namespace TelephonyHub.PbxSimulator.Tests.Scenarios;

/// <summary>Every scenario the simulator plays, through the real gRPC gateway, as the emulated portal sees it.</summary>
public sealed class ScenarioRunTests(SimulatorWorldFixture fixture) : IClassFixture<SimulatorWorldFixture>
{
    private TelephonyWorld World => fixture.World;

    public static TheoryData<string> Scenarios() => [.. ScenarioCatalog.Default.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Scenario_IsAppliedByTheHub_AndItsCallLandsInTheCallLog(string name)
    {
        var (result, portal) = await PlayAsync(name);

        Assert.True(result.Succeeded, $"{name}: {string.Join("; ", result.Steps.Select(s => $"{s.Event.KindCase} {s.Ack.Status} {s.Ack.Message}"))}");
        foreach (var callId in result.CallIds)
        {
            await World.WaitForAsync(portal, p => p.CallLog.Any(r => r.ExternalCallId == callId) && p.Cards.IsEmpty,
                $"{name}: call {callId} finished in the call log with no card left");
        }
    }

    [Fact]
    public async Task CallToExtension_ShowsTheCardToTheExtensionOwner_AndFinishesAnswered()
    {
        var (result, portal) = await PlayAsync("call-to-extension");

        var done = await FinishedAsync(portal, result);
        var record = Record(done, result);
        Assert.Equal("200", record.StatusCode);
        Assert.Equal(TestUsers.Anna, record.UserId);
        Assert.Contains(done.CardTimeline, c => c.UserId == TestUsers.Anna && c.CallId == record.CallId && c.Shown);
    }

    [Fact]
    public async Task MissedCall_IsFinishedAsMissed()
    {
        var (result, portal) = await PlayAsync("missed-call");

        var record = Record(await FinishedAsync(portal, result), result);
        Assert.Equal("304", record.StatusCode);
        Assert.Equal(0, record.Duration);
    }

    [Fact]
    public async Task OutboundCall_IsRegisteredAsOutgoingForTheCallingUser()
    {
        var (result, portal) = await PlayAsync("outbound-call");

        var done = await FinishedAsync(portal, result);
        var register = Assert.Single(done.RequestsFor("telephony.externalcall.register"));
        Assert.Equal("1", register.Parameter("TYPE"));
        Assert.Equal("12", register.Parameter("USER_ID"));
        Assert.Equal("200", Record(done, result).StatusCode);
    }

    [Fact]
    public async Task Transfer_MovesTheCardToTheColleague_WhoFinishesTheCall()
    {
        // The colleague talks a moment: with no talk at all the finish can be queued before the colleague's card is
        // shown, and the hub rightly drops a card for a call that is over (LaneCompaction).
        var (result, portal) = await PlayAsync("transfer", talkTime: TimeSpan.FromSeconds(1));

        var done = await FinishedAsync(portal, result);
        var record = Record(done, result);
        Assert.Equal(TestUsers.Boris, record.UserId);
        Assert.Contains(done.CardTimeline, c => c.UserId == TestUsers.Boris && c.CallId == record.CallId && c.Shown);
        Assert.Contains(done.CardTimeline, c => c.UserId == TestUsers.Anna && c.CallId == record.CallId && !c.Shown);
    }

    [Fact]
    public async Task RecordingLate_HidesTheCardAtOnce_ThenFinishesWithTheRecordingFromThePbx()
    {
        var (result, portal) = await PlayAsync("recording-late");

        var done = await World.WaitForAsync(portal, p => p.CallLog.Any(r => r.ExternalCallId == result.CallIds[0] && r.Recording is not null),
            "the late recording attached to the finished call");
        var record = Record(done, result);
        Assert.Equal("200", record.StatusCode);
        Assert.EndsWith(".wav", record.Recording!.FileName, StringComparison.Ordinal);
        Assert.True(fixture.Recordings.Served > 0, "the portal fetched the recording from the simulator");
    }

    private async Task<(ScenarioResult Result, TestPortal Portal)> PlayAsync(string name, TimeSpan? talkTime = null)
    {
        var portal = await World.CreatePortalAsync();
        var settings = new ScenarioSettings
        {
            RingTime = TimeSpan.Zero,
            TalkTime = talkTime ?? TimeSpan.Zero,
            RecordingDelay = TimeSpan.Zero,
            RecordingUrl = fixture.Recordings.UrlFor(name),
        };
        var scenario = ScenarioCatalog.Default.Find(name)!;
        var transcript = new RecordedTraffic();
        var result = await ScenarioRunner.PlayAsync(World.Settings.GrpcAddress, portal.ApiKey, scenario, settings,
            transcript, TimeProvider.System, CancellationToken.None);
        Assert.Equal(result.Steps.Count, transcript.Acknowledged);
        return (result, portal);
    }

    private Task<PortalSnapshot> FinishedAsync(TestPortal portal, ScenarioResult result) =>
        World.WaitForAsync(portal, p => p.CallLog.Any(r => r.ExternalCallId == result.CallIds[0]) && p.Cards.IsEmpty,
            $"call {result.CallIds[0]} in the call log, no card left");

    private static PortalEmulator.Telephony.CallRecord Record(PortalSnapshot snapshot, ScenarioResult result) =>
        Assert.Single(snapshot.CallLog, r => r.ExternalCallId == result.CallIds[0]);
}
