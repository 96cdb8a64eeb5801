using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace TelephonyHub.PortalEmulator.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1:0 standing in for the hub: it records every POST (event handlers, the app
/// page) and answers 200. The app page echoes the form fields it received, so a browser test can read them.
/// </summary>
internal sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<ReceivedRequest> received = Channel.CreateUnbounded<ReceivedRequest>();

    private LoopbackReceiver(WebApplication app) => this.app = app;

    public Uri BaseUri { get; private set; } = null!;

    public Uri Url(string path) => new(BaseUri, path);

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUri = new Uri(app.Urls.First() + "/");
        return receiver;
    }

    /// <summary>The next request received, or a TimeoutException naming what was expected.</summary>
    public async Task<ReceivedRequest> NextAsync(string expected)
    {
        try
        {
            return await received.Reader.ReadAsync().AsTask().WaitAsync(EmulatorHarness.Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The receiver got nothing within {EmulatorHarness.Timeout.TotalSeconds} s; expected {expected}");
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync();
        var form = new List<KeyValuePair<string, string>>();
        foreach (var pair in new QueryStringEnumerable(raw))
        {
            form.Add(new(pair.DecodeName().ToString(), pair.DecodeValue().ToString()));
        }

        var request = new ReceivedRequest(context.Request.Path + context.Request.QueryString, context.Request.ContentType, raw, form);
        await received.Writer.WriteAsync(request);
        if (context.Request.Path.StartsWithSegments("/app"))
        {
            context.Response.ContentType = "text/html";
            var rows = string.Concat(form.Select(f => $"<tr><th>{WebUtility.HtmlEncode(f.Key)}</th><td id=\"{WebUtility.HtmlEncode(f.Key)}\">{WebUtility.HtmlEncode(f.Value)}</td></tr>"));
            await context.Response.WriteAsync($"<html><body><h1>Hub settings</h1><p id=\"query\">{WebUtility.HtmlEncode(context.Request.QueryString.Value)}</p><table>{rows}</table></body></html>");
            return;
        }

        await context.Response.WriteAsync("ok");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
