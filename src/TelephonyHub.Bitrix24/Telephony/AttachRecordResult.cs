using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// The result of <c>attachRecord</c> and of the upload that follows it (reference §5.4): either the attached file's
/// id, or — in the two-step mode — where to upload the file.
/// </summary>
/// <param name="FileId">The Bitrix24 Drive file id (<c>FILE_ID</c>) once attached.</param>
/// <param name="UploadUrl">The <c>uploadUrl</c> of the two-step mode. Carries credentials: never log it.</param>
/// <param name="FieldName">The multipart field to use (<c>fieldName</c>, usually <c>file</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-attach-record-result-v1")]
public sealed record AttachRecordResult(
    [property: Id(0)] long? FileId,
    [property: Id(1)] Uri? UploadUrl,
    [property: Id(2)] string? FieldName)
{
    /// <summary>True when the file still has to be uploaded to <see cref="UploadUrl"/>.</summary>
    public bool IsUploadRequired => FileId is null && UploadUrl is not null;

    /// <summary>Renders without the upload URL, which carries an access token.</summary>
    public override string ToString() =>
        $"AttachRecordResult {{ FileId = {FileId}, IsUploadRequired = {IsUploadRequired}, FieldName = {FieldName} }}";

    internal static AttachRecordResult Parse(JsonElement result)
    {
        result.RequireObject("The attachRecord result");
        if (result.Long("FILE_ID") is { } fileId)
        {
            return new AttachRecordResult(fileId, null, null);
        }

        if (result.Text("uploadUrl") is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uploadUrl))
        {
            return new AttachRecordResult(null, uploadUrl, result.Text("fieldName") ?? "file");
        }

        throw new Bitrix24ResponseFormatException("The attachRecord result has neither FILE_ID nor uploadUrl.");
    }
}
