using TelephonyHub.Abstractions.Recordings;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Recordings;

/// <summary>
/// Step two of the two-step <c>attachRecord</c> (reference §5.4): streams a stored file, chunk by chunk, to the upload
/// URL the first step returned. The URL carries its own credentials: it is used at once and never stored or logged.
/// </summary>
public sealed class RecordingUploader(IRecordingStore store, Bitrix24RestClient bitrix24)
{
    public async Task<RecordingUploadResult> UploadAsync(StoredRecording stored, AttachRecordResult answer, CancellationToken cancellationToken)
    {
        await using var content = await store.OpenReadAsync(stored.RecordingId, cancellationToken);
        if (content is null)
        {
            return new RecordingUploadResult(null, "the stored file is gone (kept longer than Recordings:Retention?)", Transient: false);
        }

        var uploaded = await bitrix24.UploadRecordAsync(answer.UploadUrl!, answer.FieldName ?? "file", stored.FileName, content, cancellationToken);
        return uploaded.Error is { } error
            // An expired upload token or a broken connection pass with a new attachRecord; a refused file does not.
            ? new RecordingUploadResult(null, $"upload failed: {error.Kind} {error.Code} {error.Description}".Trim(), !error.IsPermanent || error.RequiresTokenRefresh)
            : new RecordingUploadResult(uploaded.Value!.FileId, null, false);
    }
}
