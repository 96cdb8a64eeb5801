namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>The <c>TYPE</c> of <c>telephony.externalcall.register</c> (reference §5.1).</summary>
public enum ExternalCallType
{
    /// <summary>1: outgoing call.</summary>
    Outgoing = 1,

    /// <summary>2: incoming call.</summary>
    Incoming = 2,

    /// <summary>3: incoming call with redirection.</summary>
    IncomingRedirected = 3,

    /// <summary>4: callback.</summary>
    Callback = 4,

    /// <summary>5: informational call.</summary>
    Informational = 5,
}
