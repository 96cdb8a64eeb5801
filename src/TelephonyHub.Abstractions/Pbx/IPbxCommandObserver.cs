namespace TelephonyHub.Abstractions.Pbx;

/// <summary>
/// One open PBX stream, as the PBX link grain sees it. Implemented by the gRPC gateway on whichever silo holds the
/// stream; Orleans routes the calls there, so the grain and the stream need not share a silo.
/// </summary>
public interface IPbxCommandObserver : IGrainObserver
{
    /// <summary>Write the command to the stream (queued in the stream's bounded outbox).</summary>
    Task DeliverAsync(PbxCommandEnvelope command);

    /// <summary>Close the stream with UNAUTHENTICATED: the key was revoked or the app uninstalled.</summary>
    /// <remarks>
    /// An open stream closes at once. The short timeout bounds what a stream gone without detaching (its silo died)
    /// costs the revocation waiting for the close: seconds, not the default 30 s call timeout.
    /// </remarks>
    [ResponseTimeout("00:00:05")]
    Task CloseAsync(string reason);
}
