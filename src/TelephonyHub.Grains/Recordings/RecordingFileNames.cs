namespace TelephonyHub.Grains.Recordings;

/// <summary>The name a recording is attached under: it must end in .mp3 or .wav (reference §5.4) and match the content.</summary>
public static class RecordingFileNames
{
    /// <summary>
    /// The PBX's name when it gave one (checked against the content beforehand), else the URL's last segment with the
    /// content's extension, else <c>recording-{call id}</c> with it.
    /// </summary>
    public static string For(string? given, Uri? url, string pbxCallId, RecordingFormat format)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Trim();
        }

        var extension = RecordingFormats.Extension(format);
        var segment = url is null ? "" : Uri.UnescapeDataString(url.Segments.LastOrDefault() ?? "").Trim('/');
        var stem = Path.GetFileNameWithoutExtension(Safe(segment));
        return (string.IsNullOrEmpty(stem) ? $"recording-{Safe(pbxCallId)}" : stem) + extension;
    }

    // Bitrix24 stores the file on its Drive under this name: keep it to plain characters.
    private static string Safe(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        var safe = new string(chars).Trim('.');
        return safe.Length > 100 ? safe[..100] : safe;
    }
}
