using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Grains.Tests.Recordings;

/// <summary>A recording job: fetch with backoff (bounded), ask for the upload URL, upload, retry what may pass, give up on the rest.</summary>
public sealed class RecordingDecisionsTests
{
    private const string CallKey = "portal-1/pbx-call-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly RecordingOptions Options = new()
    {
        FetchRetryBaseDelay = TimeSpan.FromSeconds(5),
        FetchRetryMaxDelay = TimeSpan.FromMinutes(5),
        FetchMaxAttempts = 4,
        AttachResultTimeout = TimeSpan.FromMinutes(15),
    };

    private static readonly StoredRecording File = new()
    {
        RecordingId = "rec-1", FileName = "call.mp3", ContentType = "audio/mpeg", Size = 1000, Sha256 = new string('a', 64),
    };

    [Fact]
    public void UrlJob_StartsByFetchingAtOnce()
    {
        var job = RecordingDecisions.Accept(new RecordingState(), UrlJob("job-1"), Now, out _)!;

        Assert.Equal(RecordingPhase.Fetching, job.Phase);
        Assert.Equal(Now, job.NextStepAt);
    }

    [Fact]
    public void UploadedFileJob_SkipsTheFetch()
    {
        var job = RecordingDecisions.Accept(new RecordingState(), new RecordingAttachRequest { JobId = "job-1", Stored = File }, Now, out _)!;

        Assert.Equal(RecordingPhase.Stored, job.Phase);
        Assert.Same(File, job.Stored);
    }

    [Fact]
    public void SameJobHandedOverAgain_ChangesNothing()
    {
        var job = RecordingDecisions.Accept(new RecordingState(), UrlJob("job-1"), Now, out _)!;

        Assert.Null(RecordingDecisions.Accept(job, UrlJob("job-1"), Now, out var why));
        Assert.Equal("job job-1 is already Fetching", why);
    }

    [Fact]
    public void FailedFetch_IsRetriedWithDoublingBackoff_ThenGivenUpAfterTheLastAttempt()
    {
        var job = RecordingDecisions.Accept(new RecordingState(), UrlJob("job-1"), Now, out _)!;
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt < Options.FetchMaxAttempts; attempt++)
        {
            job = RecordingDecisions.FetchFailed(job, "HTTP 503", transient: true, Now, Options, jitter: 0.5);
            Assert.Equal(RecordingPhase.Fetching, job.Phase);
            delays.Add(job.NextStepAt!.Value - Now);
        }

        Assert.Equal([TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)], delays);
        var given = RecordingDecisions.FetchFailed(job, "HTTP 503", transient: true, Now, Options, jitter: 0.5);
        Assert.Equal(RecordingPhase.Failed, given.Phase);
        Assert.Equal("HTTP 503 (after 4 attempts)", given.LastError);
        Assert.Null(given.NextStepAt);
    }

    [Fact]
    public void FetchRefusedForGood_IsGivenUpAtOnce()
    {
        var job = RecordingDecisions.Accept(new RecordingState(), UrlJob("job-1"), Now, out _)!;

        var given = RecordingDecisions.FetchFailed(job, "the content is neither MP3 nor WAV", transient: false, Now, Options, 0.5);

        Assert.Equal(RecordingPhase.Failed, given.Phase);
        Assert.Equal("the content is neither MP3 nor WAV", given.LastError);
    }

    [Fact]
    public void Backoff_IsCappedAndJitteredByAFifthEitherWay()
    {
        Assert.Equal(TimeSpan.FromMinutes(4), RecordingDecisions.Backoff(30, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), jitter: 0));
        Assert.Equal(TimeSpan.FromSeconds(6), RecordingDecisions.Backoff(1, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), jitter: 1));
    }

    [Fact]
    public void FetchedFile_IsAttachedWithANewRequestIdPerAttempt_AndOnlyTheAwaitedAnswerCounts()
    {
        var stored = RecordingDecisions.Fetched(RecordingDecisions.Accept(new RecordingState(), UrlJob("job-1"), Now, out _)!, File, Now);
        var first = RecordingDecisions.NextAttachRequestId(CallKey, stored);
        var attaching = RecordingDecisions.AttachRequested(stored, first, Now, Options);

        Assert.Equal("portal-1/pbx-call-1#recording#job-1#1", first);
        Assert.Equal(RecordingPhase.Attaching, attaching.Phase);
        Assert.True(RecordingDecisions.Awaits(attaching, first));

        var overdue = RecordingDecisions.AttachAnswerOverdue(attaching, Now + TimeSpan.FromMinutes(15));
        var second = RecordingDecisions.NextAttachRequestId(CallKey, overdue);
        var again = RecordingDecisions.AttachRequested(overdue, second, Now + TimeSpan.FromMinutes(15), Options);

        Assert.Equal("portal-1/pbx-call-1#recording#job-1#2", second);
        Assert.False(RecordingDecisions.Awaits(again, first));
        Assert.Equal(Now + TimeSpan.FromMinutes(45), again.NextStepAt); // the second wait is twice as long
    }

    [Fact]
    public void AnswerNotYetOverdue_KeepsWaiting()
    {
        var attaching = RecordingDecisions.AttachRequested(StoredJob(), "req-1", Now, Options);

        Assert.Same(attaching, RecordingDecisions.AttachAnswerOverdue(attaching, Now + TimeSpan.FromMinutes(14)));
    }

    [Fact]
    public void UploadThatBrokeOff_StartsOverWithANewAttachRecord_AfterABackoff()
    {
        var attaching = RecordingDecisions.AttachRequested(StoredJob(), "req-1", Now, Options);

        var retry = RecordingDecisions.AttachFailed(attaching, "upload failed: Transient", transient: true, Now, Options, 0.5);

        Assert.Equal(RecordingPhase.Stored, retry.Phase);
        Assert.Equal(Now + TimeSpan.FromSeconds(5), retry.NextStepAt);
        Assert.Null(retry.AttachRequestId);
    }

    [Fact]
    public void UploadRefusedByBitrix24_IsGivenUp()
    {
        var attaching = RecordingDecisions.AttachRequested(StoredJob(), "req-1", Now, Options);

        var given = RecordingDecisions.AttachFailed(attaching, "Wrong file extension", transient: false, Now, Options, 0.5);

        Assert.Equal(RecordingPhase.Failed, given.Phase);
        Assert.False(RecordingDecisions.IsRunning(given));
    }

    [Fact]
    public void AttachedJob_IsDone_AndANewRecordingMayFollowIt()
    {
        var attached = RecordingDecisions.Attached(RecordingDecisions.AttachRequested(StoredJob(), "req-1", Now, Options), fileId: 77);

        Assert.Equal(RecordingPhase.Attached, attached.Phase);
        Assert.Equal(77, attached.FileId);
        Assert.False(RecordingDecisions.IsRunning(attached));
        Assert.NotNull(RecordingDecisions.Accept(attached, UrlJob("job-2"), Now, out _));
    }

    [Fact]
    public void SecondJobWhileTheFirstRuns_IsNotStarted()
    {
        Assert.Null(RecordingDecisions.Accept(StoredJob(), UrlJob("job-2"), Now, out var why));
        Assert.Equal("job job-1 is still Stored", why);
    }

    private static RecordingAttachRequest UrlJob(string jobId) => new() { JobId = jobId, Url = new Uri("http://127.0.0.1:9/call.mp3") };

    private static RecordingState StoredJob() =>
        RecordingDecisions.Accept(new RecordingState(), new RecordingAttachRequest { JobId = "job-1", Stored = File }, Now, out _)!;
}
