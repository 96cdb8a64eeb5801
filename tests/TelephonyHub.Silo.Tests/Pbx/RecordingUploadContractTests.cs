using Grpc.Core;
using TelephonyHub.Contracts.Pbx.V1;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Silo.Tests.EndToEnd;
using TelephonyHub.Silo.Tests.Storage;
using TelephonyHub.Testing.Pbx;
using TelephonyHub.Testing.Recordings;
using TelephonyHub.Testing.World;

namespace TelephonyHub.Silo.Tests.Pbx;

/// <summary>
/// <c>UploadRecording</c> as a PBX vendor meets it: a malformed header or a file that is not what it claims is
/// REJECTED with INVALID_ARGUMENT naming the problem, a resend is a DUPLICATE, and nothing refused stays stored.
/// </summary>
public sealed class RecordingUploadContractTests(EmbeddedHubFixture fixture) : IClassFixture<EmbeddedHubFixture>
{
    private TelephonyWorld World => fixture.World;

    public static TheoryData<string, string, string> MalformedHeaders() => new()
    {
        { "no event id", "header.event_id", "is required" },
        { "no call id", "header.call_id", "is required" },
        { "no time", "header.occurred_at", "is required" },
        { "not mp3/wav", "header.file_name", "must end in .mp3 or .wav" },
        { "a path", "header.file_name", "must be a plain file name" },
        { "type contradicts name", "header.content_type", "says WAV but file_name says MP3" },
        { "type not audio", "header.content_type", "is not audio/mpeg or audio/wav" },
        { "no size", "header.total_size", "must be between 1 and" },
        { "over the limit", "header.total_size", "must be between 1 and" },
    };

    [Theory]
    [MemberData(nameof(MalformedHeaders))]
    public async Task MalformedHeader_IsRejectedAsInvalidArgumentNamingTheField(string malformation, string field, string problem)
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        var header = World.Events.RecordingUpload("call-x", "call.mp3", 1_000);
        switch (malformation)
        {
            case "no event id": header.EventId = ""; break;
            case "no call id": header.CallId = " "; break;
            case "no time": header.OccurredAt = null; break;
            case "not mp3/wav": header.FileName = "call.ogg"; break;
            case "a path": header.FileName = "../call.mp3"; break;
            case "type contradicts name": header.ContentType = "audio/wav"; break;
            case "type not audio": header.ContentType = "text/html"; break;
            case "no size": header.TotalSize = 0; break;
            case "over the limit": header.TotalSize = 10L * 1024 * 1024 * 1024; break;
        }

        var ack = await pbx.UploadRecordingAsync(header, new TestRecording("call.mp3", 1_000).OpenRead());

        Assert.Equal(EventAckStatus.Rejected, ack.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, ack.Code);
        Assert.StartsWith($"{field}: ", ack.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ack.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadWithoutHeader_IsRejected()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        using var upload = pbx.Gateway.UploadRecording(PbxTestClient.Headers(portal.ApiKey));
        await upload.RequestStream.WriteAsync(new RecordingChunk { Data = Google.Protobuf.ByteString.CopyFromUtf8("ID3 without a header") });
        await upload.RequestStream.CompleteAsync();

        var ack = await upload.ResponseAsync;

        Assert.Equal(EventAckStatus.Rejected, ack.Status);
        Assert.Equal("header: is required in the first message of the upload", ack.Message);
    }

    [Fact]
    public async Task FileShorterThanAnnounced_IsRejected_AndNothingIsKept()
    {
        var (portal, pbx) = await CallInProgressAsync("short-upload");
        await using var _ = pbx;
        var file = new TestRecording("short.mp3", 300_000, seed: 31);

        var ack = await pbx.UploadRecordingAsync(World.Events.RecordingUpload("short-upload", file.FileName, file.Size + 10), file.OpenRead());

        Assert.Equal(EventAckStatus.Rejected, ack.Status);
        Assert.Equal((int)StatusCode.InvalidArgument, ack.Code);
        Assert.Equal("recording: the file ended after 300000 of the announced 300010 bytes", ack.Message);
        Assert.Empty(await StoredRecordingsOfAsync(portal));
    }

    [Fact]
    public async Task UploadForAnUnknownCall_IsNotFound_AndTheFileIsDropped()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        var file = new TestRecording("nobody.mp3", 50_000, seed: 32);

        var ack = await pbx.UploadRecordingAsync(World.Events.RecordingUpload("no-such-call", file.FileName, file.Size), file.OpenRead());

        Assert.Equal(EventAckStatus.Rejected, ack.Status);
        Assert.Equal((int)StatusCode.NotFound, ack.Code);
        Assert.Empty(await StoredRecordingsOfAsync(portal));
    }

    [Fact]
    public async Task UploadSentTwice_IsADuplicate_AndAttachedOnce()
    {
        var (portal, pbx) = await CallInProgressAsync("twice");
        await using var _ = pbx;
        await pbx.SendAsync(World.Events.Ended("twice", CallOutcome.Answered, talkSeconds: 12, recordingPending: true));
        var file = new TestRecording("twice.wav", 200_000, RecordingKind.Wav, seed: 33);
        var header = World.Events.RecordingUpload("twice", file.FileName, file.Size, "audio/wav");

        var first = await pbx.UploadRecordingAsync(header, file.OpenRead());
        var again = await pbx.UploadRecordingAsync(header, file.OpenRead());

        Assert.Equal(EventAckStatus.Applied, first.Status);
        Assert.Equal(EventAckStatus.Duplicate, again.Status);
        var done = await World.WaitForAsync(portal, p => p.CallLog.Count == 1 && p.CallLog[0].Recording is not null, "the recording is attached");
        Assert.Equal((file.Sha256, "twice.wav"), (done.CallLog[0].Recording!.Sha256, done.CallLog[0].Recording!.FileName));
        Assert.Single(done.RequestsFor("telephony.externalcall.attachrecord"));
    }

    [Fact]
    public async Task UploadWithAnUnknownKey_IsUnauthenticated()
    {
        var portal = await World.CreatePortalAsync();
        await using var pbx = await World.ConnectPbxAsync(portal);
        using var upload = pbx.Gateway.UploadRecording(PbxTestClient.Headers("thk1.nosuchportal.abc.def"));

        var refused = await Assert.ThrowsAsync<RpcException>(() => upload.ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    private async Task<(TestPortal Portal, PbxTestClient Pbx)> CallInProgressAsync(string callId)
    {
        var portal = await World.CreatePortalAsync();
        var pbx = await World.ConnectPbxAsync(portal);
        await pbx.SendAllAsync(World.Events.InboundCall(callId, "+4930333000", "101"), World.Events.Answered(callId, "101"));
        return (portal, pbx);
    }

    private async Task<List<object?[]>> StoredRecordingsOfAsync(TestPortal portal) => await Sql.RowsAsync(DatabaseProvider.Sqlite,
        new StorageOptions { DataDirectory = World.Settings.DataDirectory }.GetConnectionString(),
        "SELECT RecordingId FROM TelephonyHubRecordings WHERE PortalId = @PortalId", ("@PortalId", portal.MemberId));
}
