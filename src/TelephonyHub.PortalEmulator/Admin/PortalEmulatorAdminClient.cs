using System.Net.Http.Json;
using TelephonyHub.PortalEmulator.Apps;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Events;
using TelephonyHub.PortalEmulator.Faults;
using TelephonyHub.PortalEmulator.Limits;
using TelephonyHub.PortalEmulator.OAuth;
using TelephonyHub.PortalEmulator.Portals;
using TelephonyHub.PortalEmulator.Rest;
using TelephonyHub.PortalEmulator.Telephony;

namespace TelephonyHub.PortalEmulator.Admin;

/// <summary>
/// Typed client of the emulator's admin API. <paramref name="http"/> must have <c>BaseAddress</c> = the emulator's
/// base URI. <c>portal</c> arguments take a member_id or a domain. Failures throw <see cref="PortalEmulatorAdminException"/>.
/// </summary>
public sealed class PortalEmulatorAdminClient(HttpClient http)
{
    /// <summary>All portals.</summary>
    public Task<List<PortalSummary>> ListPortalsAsync(CancellationToken ct = default) => GetAsync<List<PortalSummary>>("admin/portals", ct);

    /// <summary>Creates a portal (users, CRM, webhooks, preinstalled apps).</summary>
    public Task<PortalSummary> CreatePortalAsync(PortalDefinition definition, CancellationToken ct = default) =>
        SendAsync<PortalSummary>(HttpMethod.Post, "admin/portals", definition, ct);

    /// <summary>The whole state of a portal.</summary>
    public Task<PortalSnapshot> GetPortalAsync(string portal, CancellationToken ct = default) => GetAsync<PortalSnapshot>(Portal(portal), ct);

    /// <summary>Deletes a portal.</summary>
    public Task DeletePortalAsync(string portal, CancellationToken ct = default) => SendAsync(HttpMethod.Delete, Portal(portal), null, ct);

    /// <summary>Adds a user or replaces the one with the same id (extension, active, admin flags…).</summary>
    public Task<PortalUser> PutUserAsync(string portal, PortalUser user, CancellationToken ct = default) =>
        SendAsync<PortalUser>(HttpMethod.Put, $"{Portal(portal)}/users", user, ct);

    /// <summary>Adds a CRM entity (id 0 = next free id) and returns it with its id.</summary>
    public Task<CrmEntity> AddCrmEntityAsync(string portal, CrmEntity entity, CancellationToken ct = default) =>
        SendAsync<CrmEntity>(HttpMethod.Post, $"{Portal(portal)}/crm", entity, ct);

    /// <summary>Adds an incoming webhook.</summary>
    public Task AddWebhookAsync(string portal, Webhook webhook, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{Portal(portal)}/webhooks", webhook, ct);

    /// <summary>Activates or deletes/blocks a portal (inactive: 403 <c>PORTAL_DELETED</c>).</summary>
    public Task SetPortalActiveAsync(string portal, bool active, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Put, $"{Portal(portal)}/status", new PortalStatusRequest(active), ct);

    /// <summary>Registers (or replaces) an app with the OAuth server.</summary>
    public Task<MarketApp> RegisterAppAsync(MarketApp app, CancellationToken ct = default) =>
        SendAsync<MarketApp>(HttpMethod.Post, "admin/apps", app, ct);

    /// <summary>Installs an app: sends ONAPPINSTALL to its install handler and returns what the app answered.</summary>
    public Task<InstallOutcome> InstallAppAsync(string portal, string clientId, InstallRequest? request = null, CancellationToken ct = default) =>
        SendAsync<InstallOutcome>(HttpMethod.Post, $"{App(portal, clientId)}/install", request ?? new InstallRequest(), ct);

    /// <summary>Uninstalls an app: revokes tokens, deletes lines and handlers, sends ONAPPUNINSTALL.</summary>
    public Task<List<EventDelivery>> UninstallAppAsync(string portal, string clientId, bool clean = false, CancellationToken ct = default) =>
        SendAsync<List<EventDelivery>>(HttpMethod.Post, $"{App(portal, clientId)}/uninstall", new UninstallRequest(clean), ct);

    /// <summary>Fresh tokens of an installed app for a user (as a frame or event would carry them).</summary>
    public Task<TokenPair> IssueTokensAsync(string portal, string clientId, int userId, CancellationToken ct = default) =>
        SendAsync<TokenPair>(HttpMethod.Post, $"{App(portal, clientId)}/tokens", new TokenRequest(userId), ct);

    /// <summary>Revokes an app: its tokens answer <c>invalid_token</c>, refreshes <c>invalid_grant</c>.</summary>
    public Task RevokeAppAsync(string portal, string clientId, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Post, $"{App(portal, clientId)}/revoke", null, ct);

    /// <summary>User clicks a number: the portal registers the call (TYPE=1) and sends ONEXTERNALCALLSTART.</summary>
    public Task<ClickToCallOutcome> ClickToCallAsync(string portal, ClickToCallRequest request, CancellationToken ct = default) =>
        SendAsync<ClickToCallOutcome>(HttpMethod.Post, $"{Portal(portal)}/click-to-call", request, ct);

    /// <summary>A visitor fills the CRM callback form: the portal sends ONEXTERNALCALLBACKSTART.</summary>
    public Task<List<EventDelivery>> SubmitCallbackFormAsync(string portal, CallbackRequest request, CancellationToken ct = default) =>
        SendAsync<List<EventDelivery>>(HttpMethod.Post, $"{Portal(portal)}/callback", request, ct);

    /// <summary>Replaces the portal's faults (unreachable, delay, 5xx, token lifetime); <c>new FaultSettings()</c> clears them.</summary>
    public Task<FaultSettings> SetFaultsAsync(string portal, FaultSettings faults, CancellationToken ct = default) =>
        SendAsync<FaultSettings>(HttpMethod.Put, $"{Portal(portal)}/faults", faults, ct);

    /// <summary>Expires every live access token of the portal now; returns how many.</summary>
    public async Task<int> ExpireTokensAsync(string portal, CancellationToken ct = default) =>
        (await SendAsync<ExpiredTokens>(HttpMethod.Post, $"{Portal(portal)}/faults/expire-tokens", null, ct).ConfigureAwait(false)).Expired;

    /// <summary>Replaces the portal's limits and empties their counters.</summary>
    public Task<LimitSettings> SetLimitsAsync(string portal, LimitSettings limits, CancellationToken ct = default) =>
        SendAsync<LimitSettings>(HttpMethod.Put, $"{Portal(portal)}/limits", limits, ct);

    /// <summary>The request log (batch commands as entries of their own, linked to their batch).</summary>
    public Task<List<RequestLogEntry>> GetRequestsAsync(string portal, CancellationToken ct = default) =>
        GetAsync<List<RequestLogEntry>>($"{Portal(portal)}/requests", ct);

    /// <summary>Requests to the OAuth server's token endpoint with the portal's refresh tokens (refreshes), in order.</summary>
    public Task<List<TokenRequestLogEntry>> GetTokenRequestsAsync(string portal, CancellationToken ct = default) =>
        GetAsync<List<TokenRequestLogEntry>>($"{Portal(portal)}/token-requests", ct);

    /// <summary>Which user sees which call card now.</summary>
    public Task<List<CardView>> GetCardsAsync(string portal, CancellationToken ct = default) => GetAsync<List<CardView>>($"{Portal(portal)}/cards", ct);

    /// <summary>Every card change, in order.</summary>
    public Task<List<CardChange>> GetCardTimelineAsync(string portal, CancellationToken ct = default) =>
        GetAsync<List<CardChange>>($"{Portal(portal)}/card-timeline", ct);

    /// <summary>Registered, unfinished calls.</summary>
    public Task<List<ActiveCall>> GetActiveCallsAsync(string portal, CancellationToken ct = default) =>
        GetAsync<List<ActiveCall>>($"{Portal(portal)}/active-calls", ct);

    /// <summary>Statistics rows (finished calls).</summary>
    public Task<List<CallRecord>> GetCallLogAsync(string portal, CancellationToken ct = default) => GetAsync<List<CallRecord>>($"{Portal(portal)}/call-log", ct);

    /// <summary>External lines of every app.</summary>
    public Task<List<ExternalLine>> GetLinesAsync(string portal, CancellationToken ct = default) => GetAsync<List<ExternalLine>>($"{Portal(portal)}/lines", ct);

    /// <summary>Handlers bound with event.bind.</summary>
    public Task<List<EventBinding>> GetEventBindingsAsync(string portal, CancellationToken ct = default) =>
        GetAsync<List<EventBinding>>($"{Portal(portal)}/event-bindings", ct);

    /// <summary>Events the portal sent.</summary>
    public Task<List<EventDelivery>> GetEventDeliveriesAsync(string portal, CancellationToken ct = default) =>
        GetAsync<List<EventDelivery>>($"{Portal(portal)}/event-deliveries", ct);

    /// <summary>CRM entities, auto-created leads included.</summary>
    public Task<List<CrmEntity>> GetCrmAsync(string portal, CancellationToken ct = default) => GetAsync<List<CrmEntity>>($"{Portal(portal)}/crm", ct);

    private static string Portal(string portal) => $"admin/portals/{Uri.EscapeDataString(portal)}";

    private static string App(string portal, string clientId) => $"{Portal(portal)}/apps/{Uri.EscapeDataString(clientId)}";

    private async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, ct).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, body, ct).ConfigureAwait(false);
        return await ReadAsync<T>(response, ct).ConfigureAwait(false);
    }

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendRawAsync(method, path, body, ct).ConfigureAwait(false);
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: AdminJson.Options);
        }

        return await http.SendAsync(request, ct).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(AdminJson.Options, ct).ConfigureAwait(false)
            ?? throw new PortalEmulatorAdminException(response.StatusCode, "Empty answer");
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            throw new PortalEmulatorAdminException(response.StatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        }
    }
}
