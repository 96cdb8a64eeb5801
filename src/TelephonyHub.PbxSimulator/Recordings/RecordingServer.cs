using System.Net;
using System.Net.Sockets;

namespace TelephonyHub.PbxSimulator.Recordings;

/// <summary>
/// Serves call recordings the way a PBX's recording store does: <c>GET /recordings/{name}.wav</c> answers a short
/// silent WAV file. Listens on 127.0.0.1 only; the hub (or the portal) fetches from the URL in <c>RecordingReady</c>.
/// </summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly byte[] _file = SilentWav.Create(TimeSpan.FromSeconds(1));
    private int _served;

    private RecordingServer(HttpListener listener, Uri baseUri)
    {
        _listener = listener;
        BaseUri = baseUri;
        _serving = ServeAsync();
    }

    public Uri BaseUri { get; }

    /// <summary>Requests answered so far.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>The URL of a recording named <paramref name="name"/> (without extension).</summary>
    public Uri UrlFor(string name) => new(BaseUri, $"recordings/{Uri.EscapeDataString(name)}.wav");

    public static RecordingServer Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new RecordingServer(listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close(); // the port was taken between probing and binding: try another
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // One request at a time would make a portal's download wait behind another's under load.
            _ = AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            if (context.Request.HttpMethod != "GET" || context.Request.Url?.AbsolutePath.StartsWith("/recordings/", StringComparison.Ordinal) != true)
            {
                response.StatusCode = 404;
                return;
            }

            response.ContentType = "audio/wav";
            response.ContentLength64 = _file.Length;
            await response.OutputStream.WriteAsync(_file);
            Interlocked.Increment(ref _served);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away; nothing to answer.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
