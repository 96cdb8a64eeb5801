namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// Recognises MP3 and WAV files by their first bytes, and maps formats to file extensions and content types.
/// Bitrix24 only checks the file name's extension (reference §5.4), so a wrong file would be attached and fail to
/// play: the hub trusts the content, and the name only when it agrees.
/// </summary>
public static class RecordingFormats
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeadLength = 12;

    /// <summary>The format the file starts like, or null when it is neither MP3 nor WAV.</summary>
    /// <param name="head">The file's first <see cref="HeadLength"/> bytes (fewer only for a shorter file).</param>
    public static RecordingFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && (head[..4].SequenceEqual("RIFF"u8) || head[..4].SequenceEqual("RF64"u8)) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return RecordingFormat.Wav;
        }

        // An ID3v2 tag (version byte never 0xFF), or straight an MPEG audio frame header.
        if (head.Length >= 4 && head[..3].SequenceEqual("ID3"u8) && head[3] != 0xFF)
        {
            return RecordingFormat.Mp3;
        }

        return head.Length >= 4 && IsMpegFrameHeader(head) ? RecordingFormat.Mp3 : null;
    }

    /// <summary>The format a file name's extension names, or null for any other extension.</summary>
    public static RecordingFormat? FromFileName(string? fileName) =>
        fileName is null ? null
        : fileName.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase) ? RecordingFormat.Mp3
        : fileName.EndsWith(".wav", StringComparison.OrdinalIgnoreCase) ? RecordingFormat.Wav
        : null;

    /// <summary>The format a content type names; null for a blank or generic one (<c>application/octet-stream</c>).</summary>
    /// <exception cref="InvalidRecordingException">The content type names something else than audio MP3/WAV.</exception>
    public static RecordingFormat? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            null or "" or "application/octet-stream" or "binary/octet-stream" => null,
            "audio/mpeg" or "audio/mp3" or "audio/mpeg3" or "audio/x-mpeg-3" => RecordingFormat.Mp3,
            "audio/wav" or "audio/x-wav" or "audio/wave" or "audio/vnd.wave" => RecordingFormat.Wav,
            _ => throw new InvalidRecordingException($"content type '{contentType}' is not audio/mpeg or audio/wav"),
        };
    }

    public static string ContentType(RecordingFormat format) => format == RecordingFormat.Wav ? "audio/wav" : "audio/mpeg";

    public static string Extension(RecordingFormat format) => format == RecordingFormat.Wav ? ".wav" : ".mp3";

    public static string Describe(RecordingFormat? format) => format switch
    {
        RecordingFormat.Mp3 => "MP3",
        RecordingFormat.Wav => "WAV",
        _ => "neither MP3 nor WAV",
    };

    // 11 sync bits, then version (01 reserved), layer (00 reserved), bitrate index (1111 invalid) and sample rate
    // index (11 reserved): random bytes pass rarely, an HTML error page never.
    private static bool IsMpegFrameHeader(ReadOnlySpan<byte> h) =>
        h[0] == 0xFF && (h[1] & 0xE0) == 0xE0
        && ((h[1] >> 3) & 0x03) != 0x01
        && ((h[1] >> 1) & 0x03) != 0x00
        && (h[2] >> 4) != 0x0F
        && ((h[2] >> 2) & 0x03) != 0x03;
}
