namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>Call <c>TYPE</c> values accepted by register (reference §5.1).</summary>
public enum CallType
{
    /// <summary>1: outgoing.</summary>
    Outgoing = 1,

    /// <summary>2: incoming.</summary>
    Incoming = 2,

    /// <summary>3: incoming with redirection.</summary>
    IncomingRedirected = 3,

    /// <summary>4: callback.</summary>
    Callback = 4,

    /// <summary>5: informational call.</summary>
    Informational = 5,
}
