using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Settings;
using TelephonyHub.Testing.World;
using static TelephonyHub.Silo.Tests.Queues.QueueWorld;

namespace TelephonyHub.Silo.Tests.Queues;

/// <summary>Scenario 2b through the real gateways on a fake clock: free members in turn, each for the step time.</summary>
public sealed class SequentialQueueTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public async Task FreeMembersInTurn_TheBusyOneSkipped_EachForTheStepTime(int stepSeconds)
    {
        await using var queue = await StartAsync(Sequential(stepSeconds, 1, TestUsers.Anna, TestUsers.Boris, TestUsers.Clara, TestUsers.Dmitri));
        await queue.ReportAsync("102", ExtensionState.Busy);
        var step = TimeSpan.FromSeconds(stepSeconds);

        var start = await queue.CallAsync("seq-1");
        await queue.WaitForCardsAsync("seq-1", "Anna sees the card first", TestUsers.Anna);
        Assert.Equal(stepSeconds, (await queue.NextRingAsync("101")).RingExtensions.RingSeconds);

        queue.Advance(step);
        await queue.WaitForCardsAsync("seq-1", "Boris is busy: Clara sees the card next", TestUsers.Clara);
        await queue.NextRingAsync("103");

        queue.Advance(step);
        await queue.WaitForCardsAsync("seq-1", "Dmitri sees the card next", TestUsers.Dmitri);
        await queue.NextRingAsync("104");

        queue.Advance(TimeSpan.FromSeconds(1));
        await queue.Pbx.SendAsync(queue.World.Events.Answered("seq-1", "104"));
        await queue.Pbx.SendAsync(queue.World.Events.Ended("seq-1", CallOutcome.Answered, talkSeconds: 12));

        var done = await queue.WaitForAsync(p => p.CallLog.Count == 1, "the call is finished for Dmitri");
        Assert.Equal((TestUsers.Dmitri, "200"), (done.CallLog[0].UserId, done.CallLog[0].StatusCode));
        var s = stepSeconds;
        Assert.Equal([$"0s +12", $"{s}s -12", $"{s}s +16", $"{2 * s}s -16", $"{2 * s}s +18", $"{2 * s + 1}s -18"], Timeline(done, "seq-1", start));
        Assert.DoesNotContain(done.CardTimeline, c => c.UserId == TestUsers.Boris);
    }

    [Fact]
    public async Task AnsweredDuringStepTwo_TheCardStaysWithWhoAnswered_AndNobodyElseIsOffered()
    {
        await using var queue = await StartAsync(Sequential(5, 2, TestUsers.Anna, TestUsers.Boris, TestUsers.Clara));

        var start = await queue.CallAsync("seq-2");
        await queue.WaitForCardsAsync("seq-2", "Anna sees the card", TestUsers.Anna);
        await queue.NextRingAsync("101");
        queue.Advance(TimeSpan.FromSeconds(5));
        await queue.WaitForCardsAsync("seq-2", "step 2: Boris sees the card", TestUsers.Boris);
        await queue.NextRingAsync("102");

        queue.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(EventAckStatus.Applied, (await queue.Pbx.SendAsync(queue.World.Events.Answered("seq-2", "102"))).Status);
        queue.Advance(TimeSpan.FromSeconds(10));
        await queue.Pbx.SendAsync(queue.World.Events.Ended("seq-2", CallOutcome.Answered, talkSeconds: 10));

        var done = await queue.WaitForAsync(p => p.CallLog.Count == 1, "the call is finished for Boris");
        var record = done.CallLog[0];
        Assert.Equal((TestUsers.Boris, TestUsers.Anna, "200", 10), (record.UserId, record.RegisteredUserId, record.StatusCode, record.Duration));
        Assert.Equal(["0s +12", "5s -12", "5s +14", "17s -14"], Timeline(done, "seq-2", start));
        Assert.False(queue.Pbx.TryTakeCommand(out var extra), $"No ring after the answer, got {extra}");
    }

    [Fact]
    public async Task NobodyAnswers_AMissedCallForTheRegisteredUser_AllCardsHidden_ThenTheVoicemailExtension()
    {
        await using var queue = await StartAsync(Sequential(3, 2, TestUsers.Anna, TestUsers.Boris) with
        {
            Overflow = new QueueOverflowJson("extension", "800", null),
        });

        var start = await queue.CallAsync("seq-3");
        foreach (var (extension, user) in new[] { ("101", TestUsers.Anna), ("102", TestUsers.Boris), ("101", TestUsers.Anna), ("102", TestUsers.Boris) })
        {
            await queue.NextRingAsync(extension);
            await queue.WaitForCardsAsync("seq-3", $"user {user} sees the card", user);
            queue.Advance(TimeSpan.FromSeconds(3));
        }

        var transfer = await queue.Pbx.NextCommandAsync("transfer to the voicemail extension 800");
        Assert.Equal(PbxCommand.KindOneofCase.TransferCall, transfer.KindCase);
        Assert.Equal(("seq-3", "800"), (transfer.TransferCall.CallId, transfer.TransferCall.Extension));
        var done = await queue.WaitForAsync(p => p.RequestsFor("telephony.externalcall.finish").Count == 1 && p.Cards.Count == 0, "a missed call, no card left");
        var record = done.CallLog[0];
        Assert.Equal((TestUsers.Anna, "304", 0, "Nobody in queue 'Support' answered."), (record.UserId, record.StatusCode, record.Duration, record.FailedReason));
        Assert.Equal(["0s +12", "3s -12", "3s +14", "6s -14", "6s +12", "9s -12", "9s +14", "12s -14"], Timeline(done, "seq-3", start));
        var finish = Assert.Single(done.RequestsFor("telephony.externalcall.finish"));
        Assert.Equal(("12", "304"), (finish.Parameter("USER_ID"), finish.Parameter("STATUS_CODE")));

        // The caller leaves a message and hangs up: the record is already final.
        var late = await queue.Pbx.SendAsync(queue.World.Events.Ended("seq-3", CallOutcome.NoAnswer));
        Assert.Equal(EventAckStatus.Ignored, late.Status);
    }

    [Fact]
    public async Task OfferedMembersExtensionReportsBusyMidStep_TheQueueMovesOnAtOnce()
    {
        await using var queue = await StartAsync(Sequential(7, 1, TestUsers.Anna, TestUsers.Boris, TestUsers.Clara));

        var start = await queue.CallAsync("seq-4");
        await queue.WaitForCardsAsync("seq-4", "Anna sees the card", TestUsers.Anna);
        await queue.NextRingAsync("101");

        queue.Advance(TimeSpan.FromSeconds(2));
        await queue.ReportAsync("101", ExtensionState.Busy); // Anna took another line on her desk phone

        await queue.WaitForCardsAsync("seq-4", "Boris is offered at once, not when Anna's step ends", TestUsers.Boris);
        Assert.Equal(7, (await queue.NextRingAsync("102")).RingExtensions.RingSeconds);
        queue.Advance(TimeSpan.FromSeconds(7));
        var clara = await queue.WaitForCardsAsync("seq-4", "Boris had a full step: Clara next", TestUsers.Clara);
        Assert.Equal(["0s +12", "2s -12", "2s +14", "9s -14", "9s +16"], Timeline(clara, "seq-4", start));
    }

    [Fact]
    public async Task PbxRefusesToRingAMember_TheNextIsOfferedAtOnce()
    {
        await using var queue = await StartAsync(Sequential(10, 1, TestUsers.Anna, TestUsers.Boris));

        var start = await queue.CallAsync("seq-5");
        var ring = await queue.NextRingAsync("101");
        await queue.Pbx.AcknowledgeAsync(ring, accepted: false, reason: "extension 101 is not registered");

        var boris = await queue.WaitForCardsAsync("seq-5", "Boris is offered when the PBX cannot ring Anna", TestUsers.Boris);
        await queue.NextRingAsync("102");
        Assert.Equal(["0s +12", "0s -12", "0s +14"], Timeline(boris, "seq-5", start));
    }

    [Fact]
    public async Task OperatorTalkingOnACallToTheirExtension_IsSkipped_UntilThatCallEnds()
    {
        await using var queue = await StartAsync(Sequential(5, 1, TestUsers.Anna, TestUsers.Boris));
        await queue.Pbx.SendAllAsync(
            queue.World.Events.InboundCall("direct-1", "+4930777000", extension: "101"),
            queue.World.Events.Answered("direct-1", "101"));

        await queue.CallAsync("queued-1");
        await queue.WaitForCardsAsync("queued-1", "Anna is on a call: Boris is offered first", TestUsers.Boris);
        await queue.NextRingAsync("102");

        await queue.Pbx.SendAsync(queue.World.Events.Ended("direct-1", CallOutcome.Answered, talkSeconds: 30));
        await queue.CallAsync("queued-2");
        await queue.WaitForCardsAsync("queued-2", "Anna is free again, Boris holds the first queued call", TestUsers.Anna);
        await queue.NextRingAsync("101");
    }
}
