using Grpc.Core;
using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// Verifies the PBX API key sent as <c>authorization: Bearer &lt;key&gt;</c>. The key names its portal; that portal's
/// grain checks the secret against the hash it stores. Any failure is the same UNAUTHENTICATED to the caller, so a
/// prober learns nothing about which portals or keys exist.
/// </summary>
public sealed partial class PbxAuthenticator(IGrainFactory grains, ILogger<PbxAuthenticator> logger)
{
    private const string Scheme = "Bearer ";

    public async Task<PbxCaller> AuthenticateAsync(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            LogRejected(logger, context.Peer, "no bearer key");
            throw Unauthenticated();
        }

        if (!PbxApiKey.TryParse(header[Scheme.Length..].Trim(), out var key))
        {
            LogRejected(logger, context.Peer, "malformed key");
            throw Unauthenticated();
        }

        if (!await grains.GetGrain<IPortalGrain>(key.PortalId).AuthenticatePbxKeyAsync(key.KeyId, key.Secret))
        {
            LogRejected(logger, context.Peer, $"unknown or revoked key {key.KeyId}");
            throw Unauthenticated();
        }

        return new PbxCaller(key.PortalId, key.KeyId);
    }

    private static RpcException Unauthenticated() =>
        new(new Status(StatusCode.Unauthenticated, "Missing, unknown or revoked PBX API key (send 'authorization: Bearer <key>')."));

    [LoggerMessage(Level = LogLevel.Warning, Message = "PBX call from {Peer} refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string peer, string reason);
}
