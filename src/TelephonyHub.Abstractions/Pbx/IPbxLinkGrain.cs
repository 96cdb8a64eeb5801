using TelephonyHub.Abstractions.Portals;

namespace TelephonyHub.Abstractions.Pbx;

/// <summary>
/// The portal's link to its PBX: keeps commands until the PBX acknowledges them and hands them to the most recently
/// attached stream. Key: the portal id. Commands are stored before they are handed over, so a command sent while no
/// stream is open — or while the silo holding the stream dies — waits for the next stream.
/// </summary>
public interface IPbxLinkGrain : IPortalPart
{
    /// <summary>
    /// Attaches (or re-attaches) a stream and returns the commands it must send first. A stream re-attaches
    /// periodically; one not heard from for the lease time is dropped.
    /// </summary>
    Task<ImmutableArray<PbxCommandEnvelope>> AttachAsync(string connectionId, string keyId, IPbxCommandObserver stream);

    /// <summary>Keeps the stream's lease; returns false if the link no longer knows it (it must attach again).</summary>
    Task<bool> RenewAsync(string connectionId);

    Task DetachAsync(string connectionId);

    /// <summary>Stores the command and hands it to the newest stream if one is attached. Idempotent by request id.</summary>
    Task<PbxDelivery> SendAsync(PbxCommandEnvelope command);

    /// <summary>The PBX answered a command; the sender is told.</summary>
    Task AcknowledgeAsync(PbxCommandAck ack);

    /// <summary>Closes every stream (app uninstalled), or only those opened with <paramref name="keyId"/> (key revoked).</summary>
    Task CloseStreamsAsync(string? keyId, string reason);

    /// <summary>What the settings page shows: open streams and waiting commands.</summary>
    Task<PbxLinkStatus> GetStatusAsync();
}
