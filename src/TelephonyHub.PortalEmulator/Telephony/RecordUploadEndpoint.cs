using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>
/// The second step of attachRecord's upload mode (reference §5.4): <c>POST upload.json?auth=..&amp;token=..</c>
/// with the file in the multipart field <c>file</c>; answers <c>{"result":{"FILE_ID":n}}</c>.
/// </summary>
public sealed class RecordUploadEndpoint(RecordUploads uploads, PortalDirectory portals)
{
    /// <summary>Receives the file.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        var token = context.Request.Query["token"].ToString();
        if (uploads.Take(token) is not { } upload || portals.Find(upload.MemberId) is not { } portal)
        {
            await Fail(context, 401, "NO_AUTH_FOUND", "Wrong authorization data").ConfigureAwait(false);
            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false) : null;
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

        using var content = new MemoryStream();
        await file.CopyToAsync(content, context.RequestAborted).ConfigureAwait(false);
        if (Recordings.Attach(portal, upload.CallId, file.FileName, content.ToArray(), "UPLOAD") is not { } fileId)
        {
            await Fail(context, 400, "", Recordings.NotFinished).ConfigureAwait(false);
            return;
        }

        await RestResponse.WriteAsync(context, 200, new JsonObject { ["result"] = new JsonObject { ["FILE_ID"] = fileId } }).ConfigureAwait(false);
    }

    private static Task Fail(HttpContext context, int status, string code, string description) =>
        RestResponse.WriteAsync(context, status, new JsonObject { ["error"] = code, ["error_description"] = description });
}
