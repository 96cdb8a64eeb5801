namespace TelephonyHub.Silo.Pbx;

/// <summary>Bitrix24 accepts recordings only as .mp3 or .wav (reference §5.4, "Wrong file extension").</summary>
public static class RecordingFileNames
{
    public static bool HasSupportedExtension(string fileName) =>
        fileName.EndsWith(".mp3", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".wav", StringComparison.OrdinalIgnoreCase);
}
