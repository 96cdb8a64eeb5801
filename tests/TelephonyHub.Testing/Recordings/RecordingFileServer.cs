using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TelephonyHub.Testing.Recordings;

/// <summary>
/// A PBX's recording web server on loopback (Kestrel, 127.0.0.1, a free port): serves <see cref="TestRecording"/>s at
/// <c>/recordings/{name}</c>, can fail the first requests of a file with a status the test chooses, and counts what
/// it was asked, so a test can await "the hub tried twice".
/// </summary>
public sealed class RecordingFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Served> _files = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly List<(string Name, int Count, TaskCompletionSource Reached)> _waiters = [];

    private RecordingFileServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public static async Task<RecordingFileServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The hub's appsettings.json sits beside the test binaries: its Kestrel endpoints must not leak in.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new RecordingFileServer(app);
        app.MapGet("/recordings/{name}", (string name, HttpContext context) => server.ServeAsync(name, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUri = new Uri(address + "/");
        return server;
    }

    /// <summary>Serves <paramref name="recording"/>; the first <paramref name="failures"/> requests get <paramref name="failWith"/>.</summary>
    /// <returns>The file's URL.</returns>
    public Uri Serve(TestRecording recording, int failures = 0, int failWith = StatusCodes.Status503ServiceUnavailable)
    {
        _files[recording.FileName] = new Served(recording, failures, failWith);
        return new Uri(BaseUri, $"recordings/{Uri.EscapeDataString(recording.FileName)}");
    }

    /// <summary>Requests made for a file so far (failed ones included).</summary>
    public int RequestsFor(string fileName) => _files.TryGetValue(fileName, out var served) ? served.Requests : 0;

    /// <summary>Waits until the file was requested <paramref name="count"/> times.</summary>
    public async Task WaitForRequestsAsync(string fileName, int count, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (RequestsFor(fileName) >= count)
            {
                return;
            }

            _waiters.Add((fileName, count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{fileName} was requested {RequestsFor(fileName)} time(s) within {timeout.TotalSeconds} s; expected {count}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ServeAsync(string name, HttpContext context)
    {
        if (!_files.TryGetValue(name, out var served))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = served.Count();
        Release(name, request);
        if (request <= served.Failures)
        {
            context.Response.StatusCode = served.FailWith;
            return;
        }

        context.Response.ContentType = served.Recording.ContentType;
        context.Response.ContentLength = served.Recording.Size;
        await using var content = served.Recording.OpenRead();
        await content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private void Release(string name, int requests)
    {
        lock (_gate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Name == name && requests >= _waiters[i].Count)
                {
                    _waiters[i].Reached.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private sealed class Served(TestRecording recording, int failures, int failWith)
    {
        private int _requests;

        public TestRecording Recording => recording;

        public int Failures => failures;

        public int FailWith => failWith;

        public int Requests => Volatile.Read(ref _requests);

        public int Count() => Interlocked.Increment(ref _requests);
    }
}
