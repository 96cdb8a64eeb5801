using System.ComponentModel.DataAnnotations;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.PortalEmulator.Hosting;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Telephony;

namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>
/// The admin API under <c>/admin</c> (JSON): set portals up, act as their users, inject faults, read their state.
/// <c>{portal}</c> is a member_id or a domain. Errors answer <see cref="AdminError"/> with 400/404/409.
/// </summary>
public static class AdminEndpoints
{
    /// <summary>Maps every admin route.</summary>
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context).ConfigureAwait(false);
            }
            catch (EmulatorRequestException error)
            {
                return Results.Json(new AdminError(error.Message), AdminJson.Options, statusCode: error.Status);
            }
            catch (InvalidOperationException error)
            {
                return Results.Json(new AdminError(error.Message), AdminJson.Options, statusCode: 409);
            }
        });

        MapPortals(admin);
        MapApps(admin);
        MapActions(admin);
        MapQueries(admin);
        return endpoints;
    }

    private static void MapPortals(RouteGroupBuilder admin)
    {
        admin.MapGet("/portals", (PortalDirectory portals, EmulatorAddress address) => portals.All.Select(p => Summary(p, address)));
        admin.MapPost("/portals", async (PortalDefinition definition, PortalDirectory portals, AppLifecycle lifecycle, EmulatorAddress address, CancellationToken ct) =>
        {
            var portal = portals.Create(definition);
            foreach (var clientId in definition.PreinstalledApps)
            {
                await lifecycle.InstallAsync(portal, clientId, null, sendEvent: false, ct).ConfigureAwait(false);
            }

            return Results.Created($"/admin/portals/{portal.MemberId}", Summary(portal, address));
        });
        admin.MapGet("/portals/{portal}", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot);
        admin.MapDelete("/portals/{portal}", (string portal, PortalDirectory portals) =>
            portals.Remove(Find(portals, portal).MemberId) ? Results.NoContent() : Results.NotFound());
        admin.MapPut("/portals/{portal}/users", (string portal, PortalUser user, PortalDirectory portals) =>
        {
            Find(portals, portal).Update(s => s with { Users = s.User(user.Id) is { } old ? s.Users.Replace(old, user) : s.Users.Add(user) });
            return user;
        });
        admin.MapPost("/portals/{portal}/crm", (string portal, CrmEntity entity, PortalDirectory portals) =>
            Find(portals, portal).Update(s =>
            {
                var (crm, added) = CrmStore.Add(s.Crm, entity);
                return (s with { Crm = crm }, added);
            }));
        admin.MapPost("/portals/{portal}/webhooks", (string portal, Webhook hook, PortalDirectory portals) =>
        {
            Find(portals, portal).Update(s => s with { Webhooks = s.Webhooks.Add(hook) });
            return hook;
        });
        admin.MapPut("/portals/{portal}/status", (string portal, PortalStatusRequest status, PortalDirectory portals) =>
        {
            Find(portals, portal).Update(s => s with { Active = status.Active });
            return status;
        });
        admin.MapPut("/portals/{portal}/faults", (string portal, FaultSettings faults, PortalDirectory portals) =>
        {
            Validate(faults);
            Find(portals, portal).Update(s => s with { Faults = faults });
            return faults;
        });
        admin.MapPost("/portals/{portal}/faults/expire-tokens", (string portal, PortalDirectory portals, TokenStore tokens) =>
            new ExpiredTokens(tokens.ExpireAll(Find(portals, portal).MemberId)));
        admin.MapPut("/portals/{portal}/limits", (string portal, LimitSettings limits, PortalDirectory portals) =>
        {
            var found = Find(portals, portal);
            found.Update(s => s with { Limits = limits });

            // New limits start from empty counters, so a test sees exactly the limits it set.
            found.Limiter.Bucket.Reset();
            found.Limiter.Operating.Reset();
            return limits;
        });
    }

    private static void MapApps(RouteGroupBuilder admin)
    {
        admin.MapGet("/apps", (AppCatalog apps) => apps.All);
        admin.MapPost("/apps", (MarketApp app, AppCatalog apps) =>
        {
            apps.Register(app);
            return app;
        });
        admin.MapPost("/portals/{portal}/apps/{clientId}/install", (string portal, string clientId, InstallRequest? request, PortalDirectory portals, AppLifecycle lifecycle, CancellationToken ct) =>
            lifecycle.InstallAsync(Find(portals, portal), clientId, request?.UserId, request?.SendEvent ?? true, ct));
        admin.MapPost("/portals/{portal}/apps/{clientId}/uninstall", (string portal, string clientId, UninstallRequest? request, PortalDirectory portals, AppLifecycle lifecycle, CancellationToken ct) =>
            lifecycle.UninstallAsync(Find(portals, portal), clientId, request?.Clean ?? false, ct));
        admin.MapPost("/portals/{portal}/apps/{clientId}/tokens", (string portal, string clientId, TokenRequest request, PortalDirectory portals, AppLifecycle lifecycle) =>
            lifecycle.IssueTokens(Find(portals, portal), clientId, request.UserId));
        admin.MapPost("/portals/{portal}/apps/{clientId}/revoke", (string portal, string clientId, PortalDirectory portals, AppLifecycle lifecycle) =>
        {
            lifecycle.Revoke(Find(portals, portal), clientId);
            return Results.NoContent();
        });
    }

    private static void MapActions(RouteGroupBuilder admin)
    {
        admin.MapPost("/portals/{portal}/click-to-call", (string portal, ClickToCallRequest request, PortalDirectory portals, ClickToCall clicks, CancellationToken ct) =>
            clicks.StartAsync(Find(portals, portal), request, ct));
        admin.MapPost("/portals/{portal}/callback", (string portal, CallbackRequest request, PortalDirectory portals, ClickToCall clicks, CancellationToken ct) =>
            clicks.CallbackAsync(Find(portals, portal), request, ct));
    }

    private static void MapQueries(RouteGroupBuilder admin)
    {
        admin.MapGet("/portals/{portal}/requests", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.Requests);
        admin.MapGet("/portals/{portal}/token-requests", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.TokenRequests);
        admin.MapGet("/portals/{portal}/cards", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.Cards);
        admin.MapGet("/portals/{portal}/card-timeline", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.CardTimeline);
        admin.MapGet("/portals/{portal}/active-calls", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.ActiveCalls);
        admin.MapGet("/portals/{portal}/call-log", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.CallLog);
        admin.MapGet("/portals/{portal}/lines", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.Lines);
        admin.MapGet("/portals/{portal}/event-bindings", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.EventBindings);
        admin.MapGet("/portals/{portal}/event-deliveries", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.EventDeliveries);
        admin.MapGet("/portals/{portal}/crm", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.Crm);
        admin.MapGet("/portals/{portal}/users", (string portal, PortalDirectory portals) => Find(portals, portal).Snapshot.Users);
    }

    private static Portal Find(PortalDirectory portals, string key) =>
        portals.FindByMemberIdOrDomain(key) ?? throw new EmulatorRequestException(404, $"No portal {key}");

    private static PortalSummary Summary(Portal portal, EmulatorAddress address)
    {
        var s = portal.Snapshot;
        return new PortalSummary(s.MemberId, s.Domain, s.Plan, s.Active, new Uri(address.ClientEndpoint(s.Domain)), new Uri(address.PortalPage(s.Domain)));
    }

    private static void Validate(object settings)
    {
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), errors, validateAllProperties: true))
        {
            throw new EmulatorRequestException(400, string.Join("; ", errors.Select(e => e.ErrorMessage)));
        }
    }
}
