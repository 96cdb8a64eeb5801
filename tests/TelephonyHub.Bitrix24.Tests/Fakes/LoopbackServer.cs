using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TelephonyHub.Bitrix24.Tests.Fakes;

/// <summary>
/// A real HTTP server on 127.0.0.1 with an OS-assigned port that records every request and answers with what the
/// test scripted: a stand-in for a portal (and the OAuth server) until the portal emulator replaces it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly TaskCompletionSource<ReceivedRequest> _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();

    private LoopbackServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Answers each request; the default is 404 with an <c>ERROR_METHOD_NOT_FOUND</c> envelope.</summary>
    public Func<ReceivedRequest, CancellationToken, Task<Reply>> Responder { get; set; } =
        (_, _) => Task.FromResult(Reply.Error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"));

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The portal's REST root, <c>http://127.0.0.1:{port}/rest/</c>.</summary>
    public Uri ClientEndpoint => new(BaseAddress, "rest/");

    /// <summary>Everything received, in order.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>Completes when the first request has arrived.</summary>
    public Task<ReceivedRequest> FirstRequest => _firstRequest.Task;

    /// <summary>Answers every request with <paramref name="reply"/>.</summary>
    public void AnswerAll(Reply reply) => Responder = (_, _) => Task.FromResult(reply);

    /// <summary>Answers by REST method (last path segment, case-insensitive); unknown methods get a 404 envelope.</summary>
    public void AnswerByMethod(IReadOnlyDictionary<string, Reply> replies) => Responder = (request, _) =>
        Task.FromResult(replies.TryGetValue(request.RestMethod, out var reply)
            ? reply
            : Reply.Error(404, "ERROR_METHOD_NOT_FOUND", "Method not found!"));

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var files = new List<ReceivedFile>();
        var body = string.Empty;
        if (request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true)
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            foreach (var file in form.Files)
            {
                using var content = new MemoryStream();
                await file.CopyToAsync(content, context.RequestAborted);
                files.Add(new ReceivedFile(file.Name, file.FileName, content.ToArray()));
            }
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var received = new ReceivedRequest(
            request.Method,
            request.Path.Value ?? "/",
            request.QueryString.Value ?? string.Empty,
            request.ContentType,
            body,
            request.ContentLength,
            request.Headers.TransferEncoding.ToString().Contains("chunked", StringComparison.OrdinalIgnoreCase),
            files);
        _received.Enqueue(received);
        _firstRequest.TrySetResult(received);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        Reply reply;
        try
        {
            reply = await Responder(received, linked.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(reply.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
