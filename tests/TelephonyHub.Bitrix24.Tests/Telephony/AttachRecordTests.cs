using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.Telephony;

public sealed class AttachRecordTests
{
    private const string Token = "s7p6-access-token";

    [Fact]
    public async Task AttachRecord_FromUrl_SendsRecordUrlAndReturnsTheFileId()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":{"FILE_ID":"8812"}}"""));
        var request = AttachExternalCallRecord.FromUrl("externalCall.1", new Uri("https://pbx.example.com/rec/1.mp3"));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), request, CancellationToken.None);

        Assert.Equal(AttachRecordMode.Url, request.Mode);
        var form = Assert.Single(portal.Received).Form;
        Assert.Equal("/rest/telephony.externalCall.attachRecord", portal.Received[0].Path);
        Assert.Equal("https://pbx.example.com/rec/1.mp3", form.GetString("RECORD_URL"));
        Assert.Null(form.GetString("FILENAME"));
        Assert.Equal(8812, outcome.Value?.FileId);
        Assert.False(outcome.Value?.IsUploadRequired);
    }

    [Fact]
    public async Task AttachRecord_FromContent_SendsTheFileBase64Encoded()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Ok("""{"result":{"FILE_ID":8813}}"""));
        var request = AttachExternalCallRecord.FromContent("externalCall.1", "call.wav", [1, 2, 3, 250]);

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token), request, CancellationToken.None);

        var form = Assert.Single(portal.Received).Form;
        Assert.Equal("call.wav", form.GetString("FILENAME"));
        Assert.Equal("AQID+g==", form.GetString("FILE_CONTENT"));
        Assert.Equal(8813, outcome.Value?.FileId);
    }

    [Fact]
    public async Task AttachRecord_TwoStep_UploadsTheStreamAsMultipartWithoutKnowingItsLength()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        var uploadUrl = new Uri(portal.ClientEndpoint, "upload.json?auth=s7p6-access-token&token=telephony%7C1");
        portal.Responder = (request, _) => Task.FromResult(request.RestMethod switch
        {
            "telephony.externalCall.attachRecord" => Reply.Ok("{\"result\":{\"uploadUrl\":\"" + uploadUrl.AbsoluteUri + "\",\"fieldName\":\"file\"}}"),
            "upload.json" => Reply.Ok("""{"result":{"FILE_ID":9001}}"""),
            _ => Reply.Error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"),
        });
        var recording = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();

        var first = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token),
            AttachExternalCallRecord.ForUpload("externalCall.1", "call-42.mp3"), CancellationToken.None);
        Assert.True(first.Value?.IsUploadRequired);
        await using var stream = new ForwardOnlyStream(recording);
        var uploaded = await host.Rest.UploadRecordAsync(first.Value!.UploadUrl!, first.Value.FieldName!, "call-42.mp3", stream, CancellationToken.None);

        Assert.Equal("call-42.mp3", portal.Received[0].Form.GetString("FILENAME"));
        Assert.Null(portal.Received[0].Form.GetString("FILE_CONTENT"));
        var upload = portal.Received[1];
        Assert.Equal("/rest/upload.json", upload.Path);
        Assert.Equal("telephony|1", upload.Query.GetString("token"));
        Assert.True(upload.Chunked, "the upload was buffered to compute a length instead of streamed");
        var file = Assert.Single(upload.Files);
        Assert.Equal(("file", "call-42.mp3"), (file.FieldName, file.FileName));
        Assert.Equal(recording, file.Content);
        Assert.Equal(9001, uploaded.Value?.FileId);
        Assert.DoesNotContain("s7p6", first.Value.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExternalCallClient_AttachRecord_RunsBothUploadStepsAndReturnsTheFileId()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        var uploadUrl = new Uri(portal.ClientEndpoint, "upload.json?token=telephony%7C2");
        portal.Responder = (request, _) => Task.FromResult(request.RestMethod switch
        {
            "telephony.externalCall.attachRecord" => Reply.Ok("{\"result\":{\"uploadUrl\":\"" + uploadUrl.AbsoluteUri + "\",\"fieldName\":\"file\"}}"),
            "upload.json" => Reply.Ok("""{"result":{"FILE_ID":9002}}"""),
            _ => Reply.Error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"),
        });
        using var recording = new MemoryStream([7, 7, 7]);

        var outcome = await host.ExternalCalls.AttachRecordAsync(new(portal.ClientEndpoint, Token), "externalCall.1", "call.mp3", recording, CancellationToken.None);

        Assert.Equal(9002, outcome.Value?.FileId);
        Assert.Equal(["telephony.externalCall.attachRecord", "upload.json"], portal.Received.Select(r => r.RestMethod));
        Assert.Equal([7, 7, 7], Assert.Single(portal.Received[1].Files).Content);
    }

    [Fact]
    public async Task AttachRecord_BeforeFinish_IsAValidationError()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Error(400, "", "Call is not found in the statistic table. Looks like it is not finished yet."));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, Token),
            AttachExternalCallRecord.ForUpload("externalCall.1", "a.mp3"), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.Validation, outcome.Error?.Kind);
    }

    /// <summary>A stream that cannot seek or tell its length, like a recording piped from the PBX.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(count, content.Length - _position);
            Array.Copy(content, _position, buffer, offset, read);
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
