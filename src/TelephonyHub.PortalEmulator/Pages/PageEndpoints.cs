using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Telephony;

namespace TelephonyHub.PortalEmulator.Pages;

/// <summary>The web pages: index, a live page per portal, click-to-call from it, and "open app" in an iframe.</summary>
public static class PageEndpoints
{
    /// <summary>Maps the pages.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (PortalDirectory portals, PageRenderer pages) => Results.Content(pages.Index(portals.All), "text/html; charset=utf-8"));
        endpoints.MapGet("/portals/{domain}", (string domain, int? @as, HttpRequest request, PortalDirectory portals, PageRenderer pages) =>
            portals.FindByDomain(domain) is not { } portal ? Results.NotFound()

            // The page links relatively (live, click-to-call, apps/…): it must be served under the trailing slash.
            : request.Path.Value?.EndsWith('/') != true ? Results.Redirect($"/portals/{Uri.EscapeDataString(domain)}/")
            : Results.Content(pages.Portal(portal.Snapshot, @as), "text/html; charset=utf-8"));
        endpoints.MapGet("/portals/{domain}/live", (string domain, PortalDirectory portals, PageRenderer pages) =>
        {
            if (portals.FindByDomain(domain) is not { } portal)
            {
                return Results.NotFound();
            }

            var s = portal.Snapshot;
            return Results.Text(new JsonObject { ["version"] = s.Version, ["html"] = pages.Live(s) }.ToJsonString(), "application/json");
        });
        endpoints.MapPost("/portals/{domain}/click-to-call", async (string domain, HttpRequest request, PortalDirectory portals, ClickToCall clicks) =>
        {
            if (portals.FindByDomain(domain) is not { } portal)
            {
                return Results.NotFound();
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            var userId = int.TryParse(form["userId"], out var id) ? id : 0;
            try
            {
                await clicks.StartAsync(portal, new ClickToCallRequest(userId, form["phone"].ToString()), request.HttpContext.RequestAborted).ConfigureAwait(false);
            }
            catch (EmulatorRequestException error)
            {
                return Results.Content(Html.Page("Click to call failed", $"<main><section>{Html.E(error.Message)} <a href=\"./\">back</a></section></main>"), "text/html", statusCode: error.Status);
            }

            // Back to the page, still acting as the same user.
            return Results.Redirect($"/portals/{Uri.EscapeDataString(domain)}/?as={userId}");
        }).DisableAntiforgery();
        endpoints.MapGet("/portals/{domain}/apps/{clientId}/open", (string domain, string clientId, int? user, PortalDirectory portals, AppCatalog apps, AppLifecycle lifecycle, EmulatorAddress address) =>
        {
            if (portals.FindByDomain(domain) is not { } portal || apps.Find(clientId) is not { } app)
            {
                return Results.NotFound();
            }

            var s = portal.Snapshot;
            try
            {
                var viewer = (user is { } u ? s.User(u) : s.Users.Find(x => x.IsAdmin && x.Active)) ?? throw new EmulatorRequestException(404, "No such user");
                var installation = s.Installation(clientId) ?? throw new EmulatorRequestException(409, $"{clientId} is not installed");
                var tokens = lifecycle.IssueTokens(portal, clientId, viewer.Id);
                return Results.Content(OpenAppPage.Render(s, app, installation, viewer, tokens, address), "text/html; charset=utf-8");
            }
            catch (EmulatorRequestException error)
            {
                return Results.Content(Html.Page("Cannot open app", $"<main><section>{Html.E(error.Message)}</section></main>"), "text/html", statusCode: error.Status);
            }
        });
        endpoints.MapGet("/portals/{domain}/apps/{clientId}/install", (string domain, string clientId, int? user, PortalDirectory portals, AppLifecycle lifecycle, InstallerSessions sessions, EmulatorAddress address) =>
        {
            if (portals.FindByDomain(domain) is not { } portal)
            {
                return Results.NotFound();
            }

            try
            {
                var app = lifecycle.Known(clientId);
                var installer = (user is { } u ? portal.Snapshot.User(u) : portal.Snapshot.Users.Find(x => x.IsAdmin && x.Active)) ?? throw new EmulatorRequestException(404, "No such user");
                var installation = lifecycle.BeginUiInstall(portal, clientId, installer.Id);
                var tokens = lifecycle.IssueTokens(portal, clientId, installer.Id);
                var appSid = sessions.Open(portal.MemberId, clientId);
                return Results.Content(InstallAppPage.Render(portal.Snapshot, app, installation, installer, tokens, address, appSid), "text/html; charset=utf-8");
            }
            catch (EmulatorRequestException error)
            {
                return Results.Content(Html.Page("Cannot install app", $"<main><section>{Html.E(error.Message)}</section></main>"), "text/html", statusCode: error.Status);
            }
        });
        endpoints.MapPost("/portals/{domain}/apps/{clientId}/install-finish", async (string domain, string clientId, HttpRequest request, PortalDirectory portals, AppLifecycle lifecycle, InstallerSessions sessions) =>
        {
            if (portals.FindByDomain(domain) is not { } portal)
            {
                return Results.NotFound();
            }

            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            if (!sessions.IsInstallerOf(form["APP_SID"].ToString(), portal.MemberId, clientId))
            {
                return Results.Text("APP_SID is not an installer frame of this app on this portal", statusCode: StatusCodes.Status403Forbidden);
            }

            try
            {
                lifecycle.FinishUiInstall(portal, clientId);
                return Results.Text("installed");
            }
            catch (EmulatorRequestException error)
            {
                return Results.Text(error.Message, statusCode: error.Status);
            }
        }).DisableAntiforgery();
        endpoints.MapGet(Bx24Script.Path, () => Results.Text(Bx24Script.Source, "text/javascript; charset=utf-8"));
        return endpoints;
    }
}
