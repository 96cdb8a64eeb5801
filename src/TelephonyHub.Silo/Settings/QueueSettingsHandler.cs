using System.Text.Json;
using System.Text.Json.Serialization;
using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Silo.Settings;

/// <summary>Saves and removes call queues for the settings page's forms and the JSON API.</summary>
public sealed partial class QueueSettingsHandler(
    IGrainFactory grains,
    SettingsSessionTokens sessions,
    SettingsPageHandler page,
    ILogger<QueueSettingsHandler> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<IResult> SaveFromFormAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (sessions.Read(form["session"]) is not { } session)
        {
            return ExpiredPage();
        }

        var (queue, errors) = QueueInput.FromForm(form);
        if (queue is not null)
        {
            errors = (await Queues(session).SaveQueueAsync(queue)).Errors;
        }

        if (!errors.IsEmpty)
        {
            return await PageAsync(session, null, errors, StatusCodes.Status400BadRequest);
        }

        LogSaved(logger, session.PortalId, session.UserId, queue!.LineNumber);
        return await PageAsync(session, $"Queue '{queue.Name.Trim()}' saved.", []);
    }

    public async Task<IResult> RemoveFromFormAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (sessions.Read(form["session"]) is not { } session)
        {
            return ExpiredPage();
        }

        var line = form["line"].ToString();
        var removed = await Queues(session).RemoveQueueAsync(line);
        if (removed)
        {
            LogRemoved(logger, session.PortalId, session.UserId, line);
        }

        return await PageAsync(session, removed ? $"Queue of {LineName(line)} removed." : $"{LineName(line)} has no queue.", []);
    }

    public async Task<IResult> ListAsync(HttpRequest request)
    {
        if (ApiSession(request) is not { } session)
        {
            return Unauthorized();
        }

        var queues = await Queues(session).GetQueuesAsync();
        return Results.Json(new { queues = queues.Select(QueueInput.ToJson) }, Json);
    }

    public async Task<IResult> PutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (ApiSession(request) is not { } session)
        {
            return Unauthorized();
        }

        QueueJson? body;
        try
        {
            body = await request.ReadFromJsonAsync<QueueJson>(Json, cancellationToken);
        }
        catch (JsonException ex)
        {
            return Errors($"The body is not a queue in JSON: {ex.Message}");
        }

        if (body is null)
        {
            return Errors("The body is not a queue in JSON: it is empty.");
        }

        var (queue, errors) = QueueInput.FromJson(body);
        if (queue is null)
        {
            return Errors([.. errors]);
        }

        var result = await Queues(session).SaveQueueAsync(queue);
        if (!result.IsSaved)
        {
            return Errors([.. result.Errors]);
        }

        LogSaved(logger, session.PortalId, session.UserId, queue.LineNumber);
        var saved = (await Queues(session).GetQueuesAsync()).First(q => q.LineNumber == queue.LineNumber.Trim());
        return Results.Json(new { queue = QueueInput.ToJson(saved) }, Json);
    }

    public async Task<IResult> DeleteAsync(HttpRequest request, string line)
    {
        if (ApiSession(request) is not { } session)
        {
            return Unauthorized();
        }

        if (!await Queues(session).RemoveQueueAsync(line))
        {
            return Results.Json(new { errors = new[] { $"{LineName(line)} has no queue." } }, Json, statusCode: StatusCodes.Status404NotFound);
        }

        LogRemoved(logger, session.PortalId, session.UserId, line);
        return Results.NoContent();
    }

    private IPortalQueuesGrain Queues(SettingsSession session) => grains.GetGrain<IPortalQueuesGrain>(session.PortalId);

    private SettingsSession? ApiSession(HttpRequest request) =>
        sessions.Read(request.Headers[QueueSettingsEndpoints.SessionHeader].ToString());

    private async Task<IResult> PageAsync(SettingsSession session, string? notice, ImmutableArray<string> errors, int status = StatusCodes.Status200OK)
    {
        var view = await page.ViewAsync(session);
        var html = SettingsPageRenderer.Render(view with
        {
            Notice = notice,
            Queues = view.Queues with { Errors = errors },
        });
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    private static string LineName(string line) => line.Trim().Length == 0 ? "the default queue" : $"line {line.Trim()}";

    private static IResult ExpiredPage() => Results.Content(
        SettingsPageRenderer.Refused("This page has expired or was not opened from Bitrix24. Reopen the app."),
        "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden);

    private static IResult Unauthorized() => Results.Json(
        new { errors = new[] { $"Send the session token of a settings page opened in Bitrix24 in the {QueueSettingsEndpoints.SessionHeader} header." } },
        Json, statusCode: StatusCodes.Status401Unauthorized);

    private static IResult Errors(params string[] errors) => Results.Json(new { errors }, Json, statusCode: StatusCodes.Status400BadRequest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: user {UserId} saved the queue of line '{LineNumber}'")]
    private static partial void LogSaved(ILogger logger, string portalId, long userId, string lineNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: user {UserId} removed the queue of line '{LineNumber}'")]
    private static partial void LogRemoved(ILogger logger, string portalId, long userId, string lineNumber);
}
