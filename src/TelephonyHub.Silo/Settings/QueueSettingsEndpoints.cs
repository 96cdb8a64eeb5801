using TelephonyHub.Silo.Bitrix24Events;

namespace TelephonyHub.Silo.Settings;

/// <summary>
/// Call queues on the settings page (forms) and as a small JSON API for scripts and tests. Both are authenticated
/// like the page's other forms: the session token of a page an admin opened inside Bitrix24 — in the form's
/// <c>session</c> field, or in the <see cref="SessionHeader"/> header for the API (never in the URL, where it would
/// end up in logs).
/// </summary>
/// <remarks>
/// API: <c>GET /bitrix24/app/api/queues</c> → <c>{"queues":[...]}</c>; <c>PUT</c> with a <see cref="QueueJson"/> body
/// adds or replaces the queue of its line → 200 <c>{"queue":...}</c> or 400 <c>{"errors":[...]}</c>;
/// <c>DELETE ?line=7</c> → 204, or 404 when the line has no queue. No or a stale session: 401.
/// </remarks>
public static class QueueSettingsEndpoints
{
    public const string SaveQueuePath = Bitrix24Paths.App + "/queues";
    public const string RemoveQueuePath = Bitrix24Paths.App + "/queues/remove";
    public const string ApiPath = Bitrix24Paths.App + "/api/queues";
    public const string SessionHeader = "X-TelephonyHub-Session";

    public static IServiceCollection AddQueueSettings(this IServiceCollection services) =>
        services.AddSingleton<QueueSettingsHandler>();

    public static IEndpointRouteBuilder MapQueueSettings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SaveQueuePath, (HttpRequest request, QueueSettingsHandler queues) => queues.SaveFromFormAsync(request))
            .DisableAntiforgery();
        endpoints.MapPost(RemoveQueuePath, (HttpRequest request, QueueSettingsHandler queues) => queues.RemoveFromFormAsync(request))
            .DisableAntiforgery();
        endpoints.MapGet(ApiPath, (HttpRequest request, QueueSettingsHandler queues) => queues.ListAsync(request));
        endpoints.MapPut(ApiPath, (HttpRequest request, QueueSettingsHandler queues, CancellationToken ct) => queues.PutAsync(request, ct));
        endpoints.MapDelete(ApiPath, (HttpRequest request, string? line, QueueSettingsHandler queues) => queues.DeleteAsync(request, line ?? ""));
        return endpoints;
    }
}
