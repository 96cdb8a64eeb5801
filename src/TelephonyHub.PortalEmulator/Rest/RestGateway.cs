using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Rest;

/// <summary>
/// The HTTP edge of the portal's REST API (reference §9 item 1): routing, faults, the leaky bucket and auth,
/// then the <see cref="RestDispatcher"/>.
/// </summary>
public sealed partial class RestGateway(
    PortalDirectory portals, AuthResolver auth, FaultGate faults, RestDispatcher dispatcher, TimeProvider time, ILogger<RestGateway> logger)
{
    /// <summary>Serves <c>{path}</c> = <c>{method}</c> or <c>{userId}/{code}/{method}</c>, for a portal path or the global one.</summary>
    public async Task HandleAsync(HttpContext context, string? domain, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        (int, string)? webhook = segments.Length == 3 && int.TryParse(segments[0], out var userId) ? (userId, segments[1]) : null;
        if (segments.Length != 1 && webhook is null)
        {
            await RestResponse.WriteAsync(context, 404, RestEnvelope.Error(NotFound())).ConfigureAwait(false);
            return;
        }

        if (domain is not null && portals.FindByDomain(domain) is null)
        {
            await RestResponse.WriteAsync(context, 404, new JsonObject { ["error"] = "PORTAL_NOT_FOUND", ["error_description"] = $"No portal {domain}" })
                .ConfigureAwait(false);
            return;
        }

        ParsedRequest parsed;
        try
        {
            parsed = await ParameterParser.ParseAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        }
        catch (RestMethodException error)
        {
            await RestResponse.WriteAsync(context, error.Status, RestEnvelope.Error(error)).ConfigureAwait(false);
            return;
        }

        var methodAsSent = segments[^1];
        var caller = auth.Resolve(domain, webhook is null ? parsed.AuthToken : null, webhook);
        if (caller.Portal is not { } portal)
        {
            await RestResponse.WriteAsync(context, 401, RestEnvelope.Error(caller.Error!)).ConfigureAwait(false);
            return;
        }

        await ServeAsync(context, portal, methodAsSent, parsed, caller).ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context, Portal portal, string methodAsSent, ParsedRequest parsed, AuthResolution caller)
    {
        var sequence = portal.NextSequence();
        var (fault, status) = await faults.ApplyAsync(portal, context.RequestAborted).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (fault == FaultAction.Abort)
        {
            LogAborted(logger, portal.Domain, methodAsSent);
            Log(portal, sequence, now, methodAsSent, parsed, caller, 0, new RestMethodException(0, "CONNECTION_ABORTED", "Portal unreachable (injected fault)"));
            context.Abort();
            return;
        }

        if (fault == FaultAction.ServerError)
        {
            await WriteServerErrorAsync(context, portal, sequence, now, methodAsSent, parsed, caller, status).ConfigureAwait(false);
            return;
        }

        var snapshot = portal.Snapshot;
        var refusal = !snapshot.Active
            ? new RestMethodException(403, "PORTAL_DELETED", "Portal was deleted")
            : !snapshot.Limits.BucketDisabled && !portal.Limiter.Bucket.TryAdd(now, snapshot.Limits.BucketSize, snapshot.Limits.DrainPerSecond)
                ? new RestMethodException(503, "QUERY_LIMIT_EXCEEDED", "Too many requests")
                : caller.Error;
        if (refusal is not null)
        {
            Log(portal, sequence, now, methodAsSent, parsed, caller, refusal.Status, refusal);
            await RestResponse.WriteAsync(context, refusal.Status, RestEnvelope.Error(refusal)).ConfigureAwait(false);
            return;
        }

        var outcome = await dispatcher.InvokeAsync(portal, caller.Auth!, methodAsSent, parsed, sequence, null, null, context.RequestAborted)
            .ConfigureAwait(false);
        await RestResponse.WriteAsync(context, outcome.Status, outcome.Body).ConfigureAwait(false);
    }

    private static async Task WriteServerErrorAsync(
        HttpContext context, Portal portal, long sequence, DateTimeOffset now, string methodAsSent, ParsedRequest parsed, AuthResolution caller, int status)
    {
        var error = new RestMethodException(status, "INTERNAL_SERVER_ERROR", "Internal server error");
        Log(portal, sequence, now, methodAsSent, parsed, caller, status, error);
        if (status == 500)
        {
            await RestResponse.WriteAsync(context, status, RestEnvelope.Error(error)).ConfigureAwait(false);
            return;
        }

        // A gateway in front of the portal answers 502/503/504 with its own HTML page, not the REST envelope.
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync($"<html><body><h1>{status}</h1>nginx</body></html>", context.RequestAborted).ConfigureAwait(false);
    }

    private static void Log(
        Portal portal, long sequence, DateTimeOffset now, string methodAsSent, ParsedRequest parsed, AuthResolution caller, int status, RestMethodException error) =>
        RequestLog.Append(portal, [RequestLog.Entry(sequence, now, methodAsSent, parsed, caller.Auth, status, error)]);

    private static RestMethodException NotFound() => new(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
}
