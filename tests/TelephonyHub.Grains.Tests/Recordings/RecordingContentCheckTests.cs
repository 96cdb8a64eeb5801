using System.Text;
using TelephonyHub.Grains.Recordings;

namespace TelephonyHub.Grains.Tests.Recordings;

/// <summary>What the hub accepts as a recording: MP3 or WAV by content, within the limit, exactly as long as announced.</summary>
public sealed class RecordingContentCheckTests
{
    private static readonly byte[] Id3Mp3 = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0x21, 0x76];
    private static readonly byte[] FrameMp3 = [0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0, 0, 0, 0, 0, 0x55];
    private static readonly byte[] Wav = [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8];

    public static TheoryData<string, byte[], RecordingFormat> Accepted() => new()
    {
        { "MP3 with an ID3 tag", Id3Mp3, RecordingFormat.Mp3 },
        { "MP3 starting with a frame", FrameMp3, RecordingFormat.Mp3 },
        { "WAV", Wav, RecordingFormat.Wav },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void AudioFile_IsRecognisedByItsContent(string what, byte[] file, RecordingFormat expected)
    {
        var check = new RecordingContentCheck(maxBytes: 1000, declaredSize: file.Length, declaredFormat: null);

        check.Observe(file);

        Assert.True(expected == check.Complete(), what);
    }

    [Fact]
    public void FileArrivingInTinyPieces_IsRecognisedOnceItsHeadIsComplete()
    {
        var check = new RecordingContentCheck(1000, Wav.Length, RecordingFormat.Wav);

        foreach (var b in Wav)
        {
            check.Observe([b]);
        }

        Assert.Equal(RecordingFormat.Wav, check.Format);
        Assert.Equal(RecordingFormat.Wav, check.Complete());
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>Not found</html>")]
    [InlineData("{\"error\":\"no such file\"}")]
    [InlineData("OggS\0\u0002\0\0\0\0\0\0\0\0")]
    public void ContentThatIsNotMp3OrWav_IsRejectedAtItsFirstBytes(string content)
    {
        var check = new RecordingContentCheck(1_000_000, null, null);

        var error = Assert.Throws<InvalidRecordingException>(() => check.Observe(Encoding.ASCII.GetBytes(content)));

        Assert.Contains("neither MP3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNamedMp3ButContainingWav_IsRejectedNamingBoth()
    {
        var check = new RecordingContentCheck(1000, null, RecordingFormat.Mp3);

        var error = Assert.Throws<InvalidRecordingException>(() => check.Observe(Wav));

        Assert.Equal("the file is said to be MP3 but the content is WAV", error.Message);
    }

    [Fact]
    public void FileGrowingPastTheLimit_IsRejectedAsSoonAsItDoes()
    {
        var check = new RecordingContentCheck(maxBytes: 20, declaredSize: null, declaredFormat: null);
        check.Observe(Id3Mp3);

        var error = Assert.Throws<InvalidRecordingException>(() => check.Observe(new byte[10]));

        Assert.Contains("larger than the hub's limit of 20 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileLongerThanAnnounced_IsRejected()
    {
        var check = new RecordingContentCheck(1000, declaredSize: Wav.Length, declaredFormat: null);
        check.Observe(Wav);

        var error = Assert.Throws<InvalidRecordingException>(() => check.Observe([1]));

        Assert.Contains("more bytes arrived than the announced size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileEndingBeforeItsAnnouncedSize_IsRejectedAsTruncated()
    {
        var check = new RecordingContentCheck(1000, declaredSize: 500, declaredFormat: null);
        check.Observe(Id3Mp3);

        var error = Assert.Throws<InvalidRecordingException>(() => check.Complete());

        Assert.Equal($"the file ended after {Id3Mp3.Length} of the announced 500 bytes", error.Message);
    }

    [Fact]
    public void EmptyFile_IsRejected()
    {
        var error = Assert.Throws<InvalidRecordingException>(() => new RecordingContentCheck(1000, null, null).Complete());

        Assert.Equal("the file is empty", error.Message);
    }

    [Fact]
    public async Task CheckedStream_FailsTheCopyAtTheFirstBadByte_AndCompletesTheCheckAtTheEnd()
    {
        var good = new CheckedRecordingStream(new MemoryStream(Wav), new RecordingContentCheck(1000, Wav.Length, null));
        await good.CopyToAsync(Stream.Null);
        Assert.Equal(RecordingFormat.Wav, good.Check.Format);

        var truncated = new CheckedRecordingStream(new MemoryStream(Wav), new RecordingContentCheck(1000, Wav.Length + 1, null));
        await Assert.ThrowsAsync<InvalidRecordingException>(() => truncated.CopyToAsync(Stream.Null));
    }

    [Theory]
    [InlineData("audio/mpeg", RecordingFormat.Mp3)]
    [InlineData("audio/x-wav; codec=1", RecordingFormat.Wav)]
    [InlineData("application/octet-stream", null)]
    [InlineData("", null)]
    public void ContentTypes_NameTheirFormat_OrNothing(string contentType, RecordingFormat? expected) =>
        Assert.Equal(expected, RecordingFormats.FromContentType(contentType));

    [Fact]
    public void ContentTypeOfSomethingElse_IsRejected() =>
        Assert.Throws<InvalidRecordingException>(() => RecordingFormats.FromContentType("text/html"));

    [Theory]
    [InlineData("call-7.mp3", "http://pbx/rec/x.wav", RecordingFormat.Mp3, "call-7.mp3")]
    [InlineData(null, "http://pbx/rec/2026-11-25%2010%3A00.wav?token=s", RecordingFormat.Wav, "2026-11-25_10_00.wav")]
    [InlineData(null, "http://pbx/rec/recording.bin", RecordingFormat.Mp3, "recording.mp3")]
    [InlineData(null, "http://pbx/", RecordingFormat.Mp3, "recording-pbx_call_1.mp3")]
    public void FileNames_ComeFromThePbxOrTheUrl_WithTheContentsExtension(string? given, string url, RecordingFormat format, string expected) =>
        Assert.Equal(expected, RecordingFileNames.For(given, new Uri(url), "pbx/call 1", format));
}
