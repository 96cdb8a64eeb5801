namespace TelephonyHub.PortalEmulator.Faults;

/// <summary>What an injected fault does to one request.</summary>
public enum FaultAction
{
    /// <summary>Answer normally.</summary>
    None,

    /// <summary>Abort the connection without an answer.</summary>
    Abort,

    /// <summary>Answer with the configured 5xx status.</summary>
    ServerError,
}
