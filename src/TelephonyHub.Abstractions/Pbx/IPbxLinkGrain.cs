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
    /// Attaches (or re-attaches) a stream once the portal confirms its key is still valid, and returns the commands it
    /// must send first; <see cref="PbxLease.Revoked"/> when the key was revoked (the stream must close). The streams
    /// are stored, so a revocation closes them even after the link was reactivated elsewhere.
    /// </summary>
    Task<PbxAttachment> AttachAsync(string connectionId, string keyId, IPbxCommandObserver stream);

    /// <summary>
    /// Keeps the stream's lease (every third of <c>PbxLink:StreamLease</c>) after checking its key again:
    /// <see cref="PbxLease.Lost"/> when the stream must attach again, <see cref="PbxLease.Revoked"/> when it must close.
    /// </summary>
    Task<PbxLease> RenewAsync(string connectionId);

    Task DetachAsync(string connectionId);

    /// <summary>Stores the command and hands it to the newest stream if one is attached. Idempotent by request id.</summary>
    Task<PbxDelivery> SendAsync(PbxCommandEnvelope command);

    /// <summary>The PBX answered a command; the sender is told.</summary>
    Task AcknowledgeAsync(PbxCommandAck ack);

    /// <summary>
    /// Closes every stream (app uninstalled), or only those opened with <paramref name="keyId"/> (key revoked): every
    /// stream the link stored, also those it sends no commands to until they attach again.
    /// </summary>
    Task CloseStreamsAsync(string? keyId, string reason);

    /// <summary>What the settings page shows: open streams and waiting commands.</summary>
    Task<PbxLinkStatus> GetStatusAsync();
}
