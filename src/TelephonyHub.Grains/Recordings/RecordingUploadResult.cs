namespace TelephonyHub.Grains.Recordings;

/// <summary>One upload of a stored file to Bitrix24: the Drive file id, or why not and whether trying again may help.</summary>
public sealed record RecordingUploadResult(long? FileId, string? Failure, bool Transient)
{
    public bool Succeeded => Failure is null;
}
