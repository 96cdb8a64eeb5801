using Microsoft.Extensions.DependencyInjection;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.Testing.Hub;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.EndToEnd;

/// <summary>
/// Scenario 5 against the portal emulator, on a fake clock: a call is finished with the user who handled it, its
/// talk time, status and cost, and its recording is attached after the finish — whether the recording comes at
/// hang-up, half a minute later, after the portal's maximum wait, or never.
/// </summary>
public sealed class RecordingScenarioTests(RecordingWorldFixture fixture) : IClassFixture<RecordingWorldFixture>
{
    private const string Finish = "telephony.externalcall.finish";
    private const string AttachRecord = "telephony.externalcall.attachrecord";

    private TelephonyWorld World => fixture.World;

    [Fact]
    public async Task RecordingUploadedAtHangUp_FinishesWithCostThenAttachesTheFile()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(World.Events.InboundCall("rec-now", "+4930111000", "101"), World.Events.Answered("rec-now", "101"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(42));
        await pbx.SendAsync(World.Events.EndedWithCost("rec-now", talkSeconds: 42, cost: 0.35, currency: "EUR", recordingPending: true));

        var recording = new TestRecording("rec-now.mp3", 700_000, RecordingKind.Mp3, seed: 11);
        await using (var content = recording.OpenRead())
        {
            var ack = await pbx.UploadRecordingAsync(World.Events.RecordingUpload("rec-now", recording.FileName, recording.Size, "audio/mpeg"), content);
            Assert.Equal(EventAckStatus.Applied, ack.Status);
        }

        var done = await WaitForAttachedAsync(portal, "the uploaded recording is attached to the finished call");
        var record = Assert.Single(done.CallLog);
        Assert.Equal(TestUsers.Anna, record.UserId);
        Assert.Equal(42, record.Duration);
        Assert.Equal("200", record.StatusCode);
        Assert.Equal(0.35, record.Cost);
        Assert.Equal("EUR", record.CostCurrency);
        Assert.True(record.AddToChat);
        Assert.Equal(new("rec-now.mp3", recording.Size, recording.Sha256, "UPLOAD"), (record.Recording!.FileName, record.Recording.Size, record.Recording.Sha256, record.Recording.Mode));
        AssertAttachedAfterFinish(done, "rec-now.mp3");
    }

    [Fact]
    public async Task RecordingUrlReportedBeforeHangUp_IsFetchedAndAttachedAfterTheFinish()
    {
        var portal = await World.CreatePortalAsync();
        var recording = new TestRecording("before-end.wav", 300_000, RecordingKind.Wav, seed: 12);
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            World.Events.InboundCall("rec-early", "+4930111001", "102"),
            World.Events.Answered("rec-early", "102"),
            World.Events.RecordingReady("rec-early", fixture.Files.Serve(recording)),
            World.Events.Ended("rec-early", CallOutcome.Answered, talkSeconds: 17));

        var done = await WaitForAttachedAsync(portal, "the fetched recording is attached to the finished call");
        var record = Assert.Single(done.CallLog);
        Assert.Equal(TestUsers.Boris, record.UserId);
        Assert.Equal(17, record.Duration);
        Assert.Equal((recording.Size, recording.Sha256, "UPLOAD"), (record.Recording!.Size, record.Recording.Sha256, record.Recording.Mode));
        AssertAttachedAfterFinish(done, "before-end.wav");
    }

    [Fact]
    public async Task Recording30SecondsLate_HidesTheCardAtOnce_ThenFinishesAndAttaches()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(World.Events.InboundCall("rec-late", "+4930111002", "101"), World.Events.Answered("rec-late", "101"));
        await fixture.Answers.WaitForAsync(portal.MemberId, "telephony.externalcall.register", 1, TimeSpan.FromSeconds(10));
        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        await pbx.SendAsync(World.Events.Ended("rec-late", CallOutcome.Answered, recordingPending: true));

        var waiting = await World.WaitForAsync(portal, p => p.RequestsFor("telephony.externalcall.hide").Count == 1 && p.CardsOf(TestUsers.Anna).Count == 0,
            "Anna's card is hidden at hang-up while the recording is awaited");
        Assert.Empty(waiting.CallLog);
        Assert.Empty(waiting.RequestsFor(Finish));
        await fixture.Answers.WaitForAsync(portal.MemberId, "telephony.externalcall.hide", 1, TimeSpan.FromSeconds(10));

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var recording = new TestRecording("late.mp3", 250_000, seed: 13);
        await pbx.SendAsync(World.Events.RecordingReady("rec-late", fixture.Files.Serve(recording)));

        var done = await WaitForAttachedAsync(portal, "the late recording is attached after the finish");
        var record = Assert.Single(done.CallLog);
        Assert.Equal(61, record.Duration);
        Assert.Equal(recording.Sha256, record.Recording!.Sha256);
        AssertAttachedAfterFinish(done, "late.mp3");
        Assert.Single(done.RequestsFor("telephony.externalcall.hide"));
    }

    [Fact]
    public async Task RecordingNeverComes_FinishesAfterTheMaximumWait_AndOneArrivingAfterThatIsStillAttached()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(World.Events.InboundCall("rec-never", "+4930111003", "103"), World.Events.Answered("rec-never", "103"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        await pbx.SendAsync(World.Events.Ended("rec-never", CallOutcome.Answered, recordingPending: true));
        await World.WaitForAsync(portal, p => p.CardsOf(TestUsers.Clara).Count == 0 && p.RequestsFor("telephony.externalcall.hide").Count == 1,
            "Clara's card is hidden while the recording is awaited");
        await fixture.Answers.WaitForAsync(portal.MemberId, "telephony.externalcall.hide", 1, TimeSpan.FromSeconds(10));

        var logMark = World.Hub.Logs.Count;
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var finished = await World.WaitForAsync(portal, p => p.CallLog.Count == 1, "the call is finished without its recording after 10 minutes");

        Assert.Null(Assert.Single(finished.CallLog).Recording);
        await World.Hub.Logs.WaitForAsync(l => l.Contains("did not come within 00:10:00", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10), "the reason for finishing without the recording is logged", logMark);

        var recording = new TestRecording("after-the-wait.mp3", 120_000, seed: 14);
        await using (var content = recording.OpenRead())
        {
            var ack = await pbx.UploadRecordingAsync(World.Events.RecordingUpload("rec-never", recording.FileName, recording.Size), content);
            Assert.Equal(EventAckStatus.Applied, ack.Status);
        }

        var done = await WaitForAttachedAsync(portal, "the recording that came after the wait is attached");
        Assert.Equal(recording.Sha256, Assert.Single(done.CallLog).Recording!.Sha256);
        Assert.Single(done.RequestsFor(Finish));
    }

    [Fact]
    public async Task UploadThatIsNotAudio_IsRejectedAsInvalidArgument_AndNothingIsAttached()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            World.Events.InboundCall("rec-html", "+4930111004", "101"),
            World.Events.Answered("rec-html", "101"),
            World.Events.Ended("rec-html", CallOutcome.Answered, talkSeconds: 5));
        await World.WaitForAsync(portal, p => p.CallLog.Count == 1, "the call is finished");

        var page = new TestRecording("page.mp3", 2_000_000, RecordingKind.Html);
        await using var content = page.OpenRead();
        var ack = await pbx.UploadRecordingAsync(World.Events.RecordingUpload("rec-html", page.FileName, page.Size), content);

        Assert.Equal(EventAckStatus.Rejected, ack.Status);
        Assert.Equal((int)Grpc.Core.StatusCode.InvalidArgument, ack.Code);
        Assert.Contains("neither MP3", ack.Message, StringComparison.Ordinal);
        Assert.Empty(World.Emulator.Snapshot(portal.MemberId).RequestsFor(AttachRecord));
    }

    [Fact]
    public async Task PortalThatReachesThePbx_GetsTheRecordingUrlToDownloadItself()
    {
        var portal = await World.CreatePortalAsync();
        var (_, page) = await World.SettingsPage.OpenAsync(portal.MemberId, portal.Domain, TestUsers.Admin);
        var (saved, _) = await World.SettingsPage.SubmitAsync(page, "bitrix24/app/call-handling",
            ("phoneRegion", "DE"), ("addToChat", "true"), ("recordingWaitMinutes", "5"), ("portalFetchesRecordingUrls", "true"));
        Assert.Equal(System.Net.HttpStatusCode.OK, saved);
        var recording = new TestRecording("direct.mp3", 90_000, seed: 15);
        var url = fixture.Files.Serve(recording);
        await using var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(
            World.Events.InboundCall("rec-direct", "+4930111005", "101"),
            World.Events.Answered("rec-direct", "101"),
            World.Events.Ended("rec-direct", CallOutcome.Answered, talkSeconds: 9, recordingPending: true),
            World.Events.RecordingReady("rec-direct", url));

        // RECORD_URL attaches while attachRecord runs; the emulator logs the request once it has answered.
        var done = await World.WaitForAsync(portal, p => p.CallLog.Count == 1 && p.CallLog[0].Recording is not null && p.RequestsFor(AttachRecord).Count == 1,
            "Bitrix24 downloaded the recording from the PBX's URL");
        Assert.Equal((recording.Sha256, "RECORD_URL"), (Assert.Single(done.CallLog).Recording!.Sha256, done.CallLog[0].Recording!.Mode));
        Assert.Equal(url.AbsoluteUri, Assert.Single(done.RequestsFor(AttachRecord)).Parameter("RECORD_URL"));
        Assert.Equal(1, fixture.Files.RequestsFor("direct.mp3")); // the portal's download only: the hub did not fetch it
    }

    private Task<PortalSnapshot> WaitForAttachedAsync(TestPortal portal, string description) =>
        World.WaitForAsync(portal, p => p.CallLog.Count == 1 && p.CallLog[0].Recording is not null, description);

    /// <summary>attachRecord needs the finished call (reference §5.4): it must come after the finish, in the two-step mode.</summary>
    private static void AssertAttachedAfterFinish(PortalSnapshot done, string fileName)
    {
        var finish = Assert.Single(done.RequestsFor(Finish), r => r.StatusCode == 200);
        var attach = Assert.Single(done.RequestsFor(AttachRecord), r => r.StatusCode == 200);
        Assert.True(attach.Sequence > finish.Sequence, "attachRecord came before finish");
        Assert.Equal(fileName, attach.Parameter("FILENAME"));
        Assert.Null(attach.Parameter("RECORD_URL"));
        Assert.Null(attach.Parameter("FILE_CONTENT"));
        Assert.Equal(finish.Parameter("CALL_ID"), attach.Parameter("CALL_ID"));
        Assert.Null(finish.Parameter("RECORD_URL"));
    }
}
