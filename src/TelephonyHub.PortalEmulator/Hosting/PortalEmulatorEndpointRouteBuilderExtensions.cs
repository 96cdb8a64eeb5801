using TelephonyHub.PortalEmulator.Admin;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Pages;
using TelephonyHub.PortalEmulator.Rest;
using TelephonyHub.PortalEmulator.Telephony;

namespace TelephonyHub.PortalEmulator.Hosting;

/// <summary>Maps the emulator's HTTP surface.</summary>
public static class PortalEmulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// REST (<c>/rest/…</c> resolving the portal by token, and <c>/portals/{domain}/rest/…</c>), the OAuth token
    /// endpoint, the record upload, the admin API (<c>/admin/…</c>) and the pages.
    /// </summary>
    public static IEndpointRouteBuilder MapPortalEmulator(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/rest/upload.json", (HttpContext context, RecordUploadEndpoint upload) => upload.HandleAsync(context));
        endpoints.Map("/portals/{domain}/rest/upload.json", (HttpContext context, RecordUploadEndpoint upload) => upload.HandleAsync(context));
        endpoints.Map("/rest/{**path}", (HttpContext context, string path, RestGateway rest) => rest.HandleAsync(context, null, path));
        endpoints.Map("/portals/{domain}/rest/{**path}", (HttpContext context, string domain, string path, RestGateway rest) =>
            rest.HandleAsync(context, domain, path));

        // Routing ignores a trailing slash: this serves /oauth/token/ (reference §3.4) and /oauth/token alike.
        endpoints.MapMethods("/oauth/token/", ["GET", "POST"], (HttpContext context, TokenEndpoint token) => token.HandleAsync(context));
        endpoints.MapAdminEndpoints();
        endpoints.MapPages();
        return endpoints;
    }
}
