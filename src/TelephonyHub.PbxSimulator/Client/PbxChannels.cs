using System.Net;
using Grpc.Net.Client;

namespace TelephonyHub.PbxSimulator.Client;

/// <summary>The gRPC channel to a hub that many PBX streams share.</summary>
public static class PbxChannels
{
    /// <summary>
    /// A channel that opens more HTTP/2 connections as needed: a server allows about 100 concurrent streams per
    /// connection (Kestrel's default), and a load run keeps one long-lived stream per portal.
    /// </summary>
    public static GrpcChannel Create(Uri hub) => GrpcChannel.ForAddress(hub, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.None,
        },
        MaxReceiveMessageSize = 4 * 1024 * 1024,
    });
}
