namespace TelephonyHub.Abstractions.Pbx;

/// <summary>What the link answers a PBX stream that attaches or renews its lease.</summary>
public enum PbxLease
{
    /// <summary>The link knows the stream and its key is still valid: commands go to it.</summary>
    Held = 1,

    /// <summary>
    /// The link lost track of the stream (it was reactivated, a delivery to the stream failed, or the lease ran out):
    /// the stream attaches again, which checks its key and resends what is pending. Never a second welcome.
    /// </summary>
    Lost = 2,

    /// <summary>The stream's key was revoked (or the app uninstalled): the stream is closed with UNAUTHENTICATED.</summary>
    Revoked = 3,
}
