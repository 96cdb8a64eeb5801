using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// <c>telephony.externalCall.attachRecord</c> (reference §5.4): attaches the recording to a <em>finished</em> call.
/// Build it with <see cref="FromUrl"/>, <see cref="FromContent"/> or <see cref="ForUpload"/>; the latter returns an
/// upload URL for <see cref="Bitrix24RestClient.UploadRecordAsync"/>. The upload mode cannot run inside a batch.
/// </summary>
/// <param name="CallId">The <c>CALL_ID</c>; null until the register answered (see <see cref="ICallScopedRequest"/>).</param>
/// <param name="FileName"><c>FILENAME</c>, ending in <c>.mp3</c> or <c>.wav</c>.</param>
/// <param name="RecordUrl"><c>RECORD_URL</c> for the download mode.</param>
/// <param name="FileContentBase64"><c>FILE_CONTENT</c> for the content mode.</param>
[GenerateSerializer, Immutable, Alias("b24-attach-external-call-record-v1")]
public sealed record AttachExternalCallRecord(
    [property: Id(0)] string? CallId,
    [property: Id(1)] string? FileName,
    [property: Id(2)] Uri? RecordUrl,
    [property: Id(3)] string? FileContentBase64) : Bitrix24Request<AttachRecordResult>, ICallScopedRequest
{
    /// <summary>The mode the portal will pick for these parameters.</summary>
    public AttachRecordMode Mode => RecordUrl is not null ? AttachRecordMode.Url
        : FileContentBase64 is null ? AttachRecordMode.Upload
        : AttachRecordMode.Content;

    /// <inheritdoc />
    public override string Method => "telephony.externalCall.attachRecord";

    /// <summary>Bitrix24 downloads the recording from <paramref name="recordUrl"/> (needs HTTP 200 there).</summary>
    public static AttachExternalCallRecord FromUrl(string? callId, Uri recordUrl, string? fileName = null) =>
        new(callId, fileName, recordUrl, null);

    /// <summary>The recording travels Base64-encoded inside the request.</summary>
    public static AttachExternalCallRecord FromContent(string? callId, string fileName, ReadOnlySpan<byte> content) =>
        new(callId, fileName, null, Convert.ToBase64String(content));

    /// <summary>Two-step upload: the result carries the URL to POST the file to.</summary>
    public static AttachExternalCallRecord ForUpload(string? callId, string fileName) => new(callId, fileName, null, null);

    /// <inheritdoc />
    public Bitrix24Request WithCallId(string callId) => this with { CallId = callId };

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        if (RecordUrl is null && string.IsNullOrEmpty(FileName))
        {
            throw new InvalidOperationException("attachRecord needs RECORD_URL or FILENAME.");
        }

        parameters
            .Add("CALL_ID", CallCardParameters.RequireCallId(CallId))
            .Add("FILENAME", FileName)
            .Add("FILE_CONTENT", FileContentBase64)
            .Add("RECORD_URL", RecordUrl?.AbsoluteUri);
    }

    /// <inheritdoc />
    public override AttachRecordResult ParseResult(Bitrix24RawResult raw) => AttachRecordResult.Parse(raw.Result);
}
