using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>
/// The second step of attachRecord's upload mode (reference §5.4): <c>POST upload.json?auth=..&amp;token=..</c>
/// with the file in the multipart field <c>file</c>; answers <c>{"result":{"FILE_ID":n}}</c>.
/// </summary>
public sealed class RecordUploadEndpoint(RecordUploads uploads, PortalDirectory portals)
{
    /// <summary>The largest upload accepted (Kestrel's default of about 28 MiB is too small for long recordings).</summary>
    public const long MaxUploadBytes = 1024L * 1024 * 1024;

    /// <summary>Receives the file, hashing it as it streams in: the emulator keeps its name, size and hash, not its bytes.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        var token = context.Request.Query["token"].ToString();
        if (uploads.Take(token) is not { } upload || portals.Find(upload.MemberId) is not { } portal)
        {
            await Fail(context, 401, "NO_AUTH_FOUND", "Wrong authorization data").ConfigureAwait(false);
            return;
        }

        var form = context.Request.HasFormContentType
            ? await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes }, context.RequestAborted).ConfigureAwait(false)
            : null;
        if (form?.Files.GetFile("file") is not { } file)
        {
            await Fail(context, 400, "", "File is not found in the request").ConfigureAwait(false);
            return;
        }

        if (Recordings.FileNameError(file.FileName) is { } nameError)
        {
            await Fail(context, 400, "", nameError).ConfigureAwait(false);
            return;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var content = file.OpenReadStream())
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, context.RequestAborted).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (Recordings.Attach(portal, upload.CallId, file.FileName, file.Length, sha256, "UPLOAD") is not { } fileId)
        {
            await Fail(context, 400, "", Recordings.NotFinished).ConfigureAwait(false);
            return;
        }

        await RestResponse.WriteAsync(context, 200, new JsonObject { ["result"] = new JsonObject { ["FILE_ID"] = fileId } }).ConfigureAwait(false);
    }

    private static Task Fail(HttpContext context, int status, string code, string description) =>
        RestResponse.WriteAsync(context, status, new JsonObject { ["error"] = code, ["error_description"] = description });
}
