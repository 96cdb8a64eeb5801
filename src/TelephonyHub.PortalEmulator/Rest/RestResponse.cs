using System.Text.Json.Nodes;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>Writes JSON answers.</summary>
internal static class RestResponse
{
    public static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
