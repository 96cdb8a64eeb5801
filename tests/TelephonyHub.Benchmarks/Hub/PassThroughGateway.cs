using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TelephonyHub.Contracts.Pbx.V1;

namespace TelephonyHub.Benchmarks.Hub;

/// <summary>
/// The baseline: the same PBX contract with nothing behind it. Every event becomes one HTTP POST to a loopback sink
/// (no grains, no storage, no Bitrix24 logic) and is acknowledged when the POST is answered. What the hub adds on top
/// of this is its own overhead. Runs inside the benchmark process (the hub runs in its own).
/// </summary>
public sealed class PassThroughGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PassThroughGateway(WebApplication app, Uri grpc, PassThroughSink sink)
    {
        _app = app;
        GrpcAddress = grpc;
        Sink = sink;
    }

    public Uri GrpcAddress { get; }

    public PassThroughSink Sink { get; }

    public static async Task<PassThroughGateway> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1);
        });
        var sink = new PassThroughSink(time);
        builder.Services.AddSingleton(sink);
        builder.Services.AddSingleton<HttpClient>();
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<PassThroughService>();
        app.MapPost("/sink/{callId}", (string callId, PassThroughSink s) =>
        {
            s.Received(callId);
            return Results.Ok();
        });
        await app.StartAsync();
        var addresses = app.Urls.Select(u => new Uri(u)).ToList();
        // Kestrel lists the endpoints in the order they were configured: HTTP/2 (gRPC) first, then the sink.
        sink.BaseUri = addresses[1];
        return new PassThroughGateway(app, addresses[0], sink);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class PassThroughService(PassThroughSink sink, HttpClient http) : PbxGateway.PbxGatewayBase
    {
        public override async Task Connect(IAsyncStreamReader<PbxMessage> requestStream, IServerStreamWriter<HubMessage> responseStream, ServerCallContext context)
        {
            await responseStream.WriteAsync(new HubMessage { Welcome = new Welcome { PortalId = "pass-through" } });
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (message.BodyCase != PbxMessage.BodyOneofCase.Event)
                {
                    continue;
                }

                using var response = await http.PostAsync(new Uri(sink.BaseUri!, $"sink/{Uri.EscapeDataString(CallIdOf(message.Event))}"), null, context.CancellationToken);
                await responseStream.WriteAsync(new HubMessage
                {
                    EventAck = new EventAck { EventId = message.Event.EventId, Status = response.IsSuccessStatusCode ? EventAckStatus.Applied : EventAckStatus.Rejected },
                });
            }
        }

        private static string CallIdOf(PbxEvent evt) => evt.KindCase switch
        {
            PbxEvent.KindOneofCase.CallStarted => evt.CallStarted.CallId,
            PbxEvent.KindOneofCase.CallRinging => evt.CallRinging.CallId,
            PbxEvent.KindOneofCase.CallAnswered => evt.CallAnswered.CallId,
            PbxEvent.KindOneofCase.CallTransferred => evt.CallTransferred.CallId,
            PbxEvent.KindOneofCase.CallEnded => evt.CallEnded.CallId,
            PbxEvent.KindOneofCase.RecordingReady => evt.RecordingReady.CallId,
            _ => "-",
        };
    }
}

/// <summary>Where the pass-through's requests land: the arrival time of each call's first request.</summary>
public sealed class PassThroughSink(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _first = new(StringComparer.Ordinal);
    private long _requests;

    public Uri? BaseUri { get; set; }

    public long Requests => Interlocked.Read(ref _requests);

    public void Received(string callId)
    {
        Interlocked.Increment(ref _requests);
        _first.TryAdd(callId, time.GetUtcNow());
    }

    public DateTimeOffset? FirstRequestOf(string callId) => _first.TryGetValue(callId, out var at) ? at : null;
}
