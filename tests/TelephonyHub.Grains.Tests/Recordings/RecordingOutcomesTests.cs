using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Grains.Tests.Recordings;

/// <summary>What each step's outcome makes of a recording job: the next step, a retry, the end.</summary>
public sealed class RecordingOutcomesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly RecordingOptions Options = new()
    {
        FetchRetryBaseDelay = TimeSpan.FromSeconds(5),
        FetchRetryMaxDelay = TimeSpan.FromMinutes(5),
        FetchMaxAttempts = 2,
        AttachResultTimeout = TimeSpan.FromMinutes(15),
    };

    private static readonly StoredRecording File = new()
    {
        RecordingId = "rec-1", FileName = "call.mp3", ContentType = "audio/mpeg", Size = 1000, Sha256 = new string('a', 64),
    };

    [Fact]
    public void StoredDownload_AsksForTheUploadAtOnce()
    {
        var next = RecordingOutcomes.AfterFetch(Fetching(), RecordingFetchResult.Success(File), Now, Options, 0.5);

        Assert.Equal((RecordingPhase.Stored, Now), (next.Phase, next.NextStepAt));
        Assert.Same(File, next.Stored);
    }

    [Fact]
    public void DownloadThatMayPass_IsTriedAgainAfterABackoff_UntilTheAttemptsRunOut()
    {
        var first = RecordingOutcomes.AfterFetch(Fetching(), RecordingFetchResult.Retry("the PBX answered HTTP 503"), Now, Options, 0.5);
        var second = RecordingOutcomes.AfterFetch(first, RecordingFetchResult.Retry("the PBX answered HTTP 503"), Now, Options, 0.5);

        Assert.Equal((RecordingPhase.Fetching, Now.AddSeconds(5)), (first.Phase, first.NextStepAt));
        Assert.True(RecordingDecisions.IsRunning(first));
        Assert.False(RecordingDecisions.IsRunning(second));
        Assert.Equal("the PBX answered HTTP 503 (after 2 attempts)", second.LastError);
    }

    [Fact]
    public void AttachRecordRefused_EndsTheJobWithBitrix24sReason()
    {
        var refused = new DispatchResult
        {
            RequestId = "req-1",
            Request = AttachExternalCallRecord.ForUpload("externalCall.1", "call.mp3"),
            Error = new Bitrix24Error { Kind = Bitrix24ErrorKind.Validation, Code = "ERROR_NOT_FOUND", Description = "Call is not found" },
        };

        var next = RecordingOutcomes.AfterRefusal(Attaching(), refused);

        Assert.Equal(RecordingPhase.Failed, next!.Phase);
        Assert.Equal("Bitrix24 refused attachRecord: ERROR_NOT_FOUND Call is not found", next.LastError);
    }

    [Fact]
    public void AttachRecordAnswered_LeavesTheUploadToCome()
    {
        var answered = new DispatchResult
        {
            RequestId = "req-1",
            Request = AttachExternalCallRecord.ForUpload("externalCall.1", "call.mp3"),
            Value = new AttachRecordResult(null, new Uri("http://127.0.0.1:9/upload"), "file"),
        };

        Assert.Null(RecordingOutcomes.AfterRefusal(Attaching(), answered));
    }

    [Fact]
    public void Upload_AttachesTheFile()
    {
        var next = RecordingOutcomes.AfterUpload(Attaching(), new RecordingUploadResult(4242, null, false), Now, Options, 0.5);

        Assert.Equal((RecordingPhase.Attached, (long?)4242), (next.Phase, next.FileId));
        Assert.False(RecordingDecisions.IsRunning(next));
    }

    [Fact]
    public void UploadThatMayPass_AsksForANewUploadUrlAfterABackoff_AndARefusedFileGivesUp()
    {
        var retry = RecordingOutcomes.AfterUpload(Attaching(), new RecordingUploadResult(null, "upload failed: expired", true), Now, Options, 0.5);
        var refused = RecordingOutcomes.AfterUpload(Attaching(), new RecordingUploadResult(null, "upload failed: too large", false), Now, Options, 0.5);

        Assert.Equal((RecordingPhase.Stored, Now.AddSeconds(5)), (retry.Phase, retry.NextStepAt));
        Assert.Equal((RecordingPhase.Failed, "upload failed: too large"), (refused.Phase, refused.LastError));
    }

    private static RecordingState Fetching() =>
        RecordingDecisions.Accept(new RecordingState(), new RecordingAttachRequest { JobId = "job-1", Url = new Uri("http://127.0.0.1:9/call.mp3") }, Now, out _)!;

    private static RecordingState Attaching() =>
        RecordingDecisions.AttachRequested(RecordingDecisions.Fetched(Fetching(), File, Now), "req-1", Now, Options);
}
