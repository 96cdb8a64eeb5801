using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace TelephonyHub.Silo.Pbx;

/// <summary>Kestrel pings quiet HTTP/2 connections (the PBX streams) as <see cref="PbxGatewayOptions"/> say.</summary>
public sealed class PbxConnectionKeepAlive(IOptions<PbxGatewayOptions> gateway) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions options)
    {
        options.Limits.Http2.KeepAlivePingDelay = gateway.Value.KeepAlivePingDelay;
        options.Limits.Http2.KeepAlivePingTimeout = gateway.Value.KeepAlivePingTimeout;
    }
}
