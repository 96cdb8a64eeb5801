namespace TelephonyHub.Testing.Recordings;

/// <summary>What a generated test file looks like at its start.</summary>
public enum RecordingKind
{
    /// <summary>An MP3 file with an ID3v2 tag.</summary>
    Mp3,

    /// <summary>A RIFF/WAVE file.</summary>
    Wav,

    /// <summary>An HTML page (what a misconfigured PBX web server sends instead of the file).</summary>
    Html,
}
