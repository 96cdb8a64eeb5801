using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>
/// <c>telephony.externalCall.attachRecord</c> in its three modes, checked in the server's order (reference §5.4):
/// RECORD_URL download, FILENAME alone for a two-step upload, FILENAME + FILE_CONTENT (Base64).
/// </summary>
public sealed class AttachRecordMethod(RecordUploads uploads, EmulatorAddress address, IHttpClientFactory http) : IRestMethodGroup
{
    /// <summary>Named HttpClient used to download RECORD_URL.</summary>
    public const string DownloadClient = "record-download";

    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods => [new RestMethod("telephony.externalcall.attachrecord", "telephony", AttachAsync)];

    private async ValueTask<RestResult> AttachAsync(RestCall call, CancellationToken cancellationToken)
    {
        var p = call.Parameters;
        var callId = p.String("CALL_ID") ?? "";
        var fileName = p.String("FILENAME");
        if (p.String("RECORD_URL") is { Length: > 0 } url)
        {
            return await DownloadAsync(call, callId, url, fileName, cancellationToken).ConfigureAwait(false);
        }

        if (fileName is null)
        {
            throw call.Invalid("Required parameters are not set. Request should contain or URL or FILENAME parameter");
        }

        if (!Recordings.IsFinished(call.Portal.Snapshot, callId))
        {
            throw call.Invalid(Recordings.NotFinished);
        }

        if (Recordings.FileNameError(fileName) is { } nameError)
        {
            throw call.Invalid(nameError);
        }

        if (!p.Has("FILE_CONTENT"))
        {
            var token = uploads.Promise(new PendingUpload(call.Portal.MemberId, callId));
            var auth = Uri.EscapeDataString(p.String("auth") ?? "");
            return new RestResult(new JsonObject
            {
                ["uploadUrl"] = $"{address.ClientEndpoint(call.Portal.Domain)}upload.json?auth={auth}&token={Uri.EscapeDataString(token)}",
                ["fieldName"] = "file",
            });
        }

        var content = p.String("FILE_CONTENT");
        if (string.IsNullOrEmpty(content))
        {
            throw call.Invalid("File content is empty.");
        }

        var bytes = new byte[content.Length];
        if (!Convert.TryFromBase64String(content, bytes, out var length))
        {
            throw call.Invalid("File content is not properly encoded. Base64 encoding is expected.");
        }

        return FileId(call, Recordings.Attach(call.Portal, callId, fileName, bytes[..length], "FILE_CONTENT"));
    }

    // Bitrix24 downloads once, synchronously, and needs HTTP 200 (reference §5.4 mode 1).
    private async ValueTask<RestResult> DownloadAsync(RestCall call, string callId, string url, string? fileName, CancellationToken cancellationToken)
    {
        if (!Recordings.IsFinished(call.Portal.Snapshot, callId))
        {
            throw call.Invalid(Recordings.NotFinished);
        }

        byte[] bytes;
        try
        {
            using var response = await http.CreateClient(DownloadClient).GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode != 200)
            {
                throw call.Invalid($"Server returns HTTP error code {(int)response.StatusCode}");
            }

            bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is HttpRequestException or UriFormatException or TaskCanceledException)
        {
            throw call.Invalid($"{(error as HttpRequestException)?.HttpRequestError ?? HttpRequestError.Unknown}: {error.Message}");
        }

        var name = string.IsNullOrEmpty(fileName) ? Path.GetFileName(new Uri(url).AbsolutePath) : fileName;
        if (Recordings.FileNameError(name) is { } nameError)
        {
            throw call.Invalid(nameError);
        }

        return FileId(call, Recordings.Attach(call.Portal, callId, name, bytes, "RECORD_URL"));
    }

    private static RestResult FileId(RestCall call, int? fileId) =>
        fileId is null ? throw call.Invalid(Recordings.NotFinished) : new(new JsonObject { ["FILE_ID"] = fileId });
}
