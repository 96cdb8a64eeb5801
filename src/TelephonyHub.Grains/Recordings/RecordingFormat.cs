namespace TelephonyHub.Grains.Recordings;

/// <summary>The audio formats Bitrix24 accepts for call records (reference §5.4: "Only wav and mp3 are allowed").</summary>
public enum RecordingFormat
{
    Mp3 = 1,
    Wav = 2,
}
