using System.Security.Cryptography;

namespace TelephonyHub.PortalEmulator.Tests.Telephony;

/// <summary>Reference §5.4: attachRecord only after finish, in its three modes.</summary>
public sealed class AttachRecordTests
{
    private static readonly byte[] Audio = [0x49, 0x44, 0x33, 0x04, 0x00, 0x01, 0x02, 0x03];

    [Fact]
    public async Task AttachBeforeFinish_AnswersNotInStatistics()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync();

        var reply = await h.PostFormAsync("telephony.externalcall.attachrecord", ("CALL_ID", callId), ("FILENAME", "call.mp3"), ("FILE_CONTENT", Convert.ToBase64String(Audio)));

        Assert.Equal(400, reply.Status);
        Assert.Equal("Call is not found in the statistic table. Looks like it is not finished yet.", reply.Description);
    }

    [Fact]
    public async Task FileContent_AttachesTheDecodedBytes()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await FinishedCallAsync(h);

        var reply = await h.PostFormAsync("telephony.externalcall.attachrecord", ("CALL_ID", callId), ("FILENAME", "call.mp3"), ("FILE_CONTENT", Convert.ToBase64String(Audio)));

        Assert.True(reply.Result!["FILE_ID"]!.GetValue<int>() > 0);
        var recording = h.Portal.Snapshot.Finished(callId)!.Recording!;
        Assert.Equal(("call.mp3", Audio.Length, Convert.ToHexStringLower(SHA256.HashData(Audio)), "FILE_CONTENT"), (recording.FileName, (int)recording.Size, recording.Sha256, recording.Mode));
    }

    [Fact]
    public async Task FileNameAlone_GivesAnUploadUrlThatTakesTheFile()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await FinishedCallAsync(h);

        var reply = await h.PostFormAsync("telephony.externalcall.attachrecord", ("CALL_ID", callId), ("FILENAME", "call.wav"));
        var uploadUrl = new Uri(reply.Result!["uploadUrl"]!.GetValue<string>());
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Audio), reply.Result["fieldName"]!.GetValue<string>(), "call.wav" } };
        var upload = await h.SendAsync(new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = form });

        Assert.StartsWith($"{h.ClientEndpoint}upload.json?auth=", uploadUrl.AbsoluteUri);
        Assert.Contains("token=telephony%7C", uploadUrl.AbsoluteUri);
        Assert.True(upload.Result!["FILE_ID"]!.GetValue<int>() > 0, upload.ToString());
        Assert.Equal("UPLOAD", h.Portal.Snapshot.Finished(callId)!.Recording!.Mode);
    }

    [Fact]
    public async Task UploadLargerThanKestrelsDefaultBodyLimit_IsTakenWhole()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await FinishedCallAsync(h);
        var large = new byte[40 * 1024 * 1024]; // Kestrel refuses bodies over about 28.6 MB unless told otherwise
        Audio.CopyTo(large, 0);
        large[^1] = 0x7F;

        var reply = await h.PostFormAsync("telephony.externalcall.attachrecord", ("CALL_ID", callId), ("FILENAME", "long-call.mp3"));
        using var form = new MultipartFormDataContent { { new ByteArrayContent(large), "file", "long-call.mp3" } };
        var upload = await h.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(reply.Result!["uploadUrl"]!.GetValue<string>())) { Content = form });

        Assert.True(upload.Result!["FILE_ID"]!.GetValue<int>() > 0, upload.ToString());
        var recording = h.Portal.Snapshot.Finished(callId)!.Recording!;
        Assert.Equal((large.LongLength, Convert.ToHexStringLower(SHA256.HashData(large))), (recording.Size, recording.Sha256));
    }

    [Fact]
    public async Task RecordUrl_IsDownloadedOnce()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await using var receiver = await LoopbackReceiver.StartAsync();
        var callId = await FinishedCallAsync(h);

        var reply = await h.PostFormAsync("telephony.externalcall.attachrecord", ("CALL_ID", callId), ("RECORD_URL", receiver.Url("records/leg-1.mp3").AbsoluteUri));

        Assert.True(reply.Result!["FILE_ID"]!.GetValue<int>() > 0, reply.ToString());
        Assert.Equal(("leg-1.mp3", 2L), (h.Portal.Snapshot.Finished(callId)!.Recording!.FileName, h.Portal.Snapshot.Finished(callId)!.Recording!.Size));
    }

    [Fact]
    public async Task WrongExtension_IsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await FinishedCallAsync(h);

        var reply = await h.PostFormAsync("telephony.externalcall.attachrecord", ("CALL_ID", callId), ("FILENAME", "call.ogg"), ("FILE_CONTENT", "AAAA"));

        Assert.Equal("Wrong file extension. Only wav and mp3 are allowed", reply.Description);
    }

    private static async Task<string> FinishedCallAsync(EmulatorHarness h)
    {
        var callId = await h.RegisterAsync();
        await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", callId), ("USER_ID", "11"), ("DURATION", "10"));
        return callId;
    }
}
