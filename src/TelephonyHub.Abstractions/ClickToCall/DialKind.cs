namespace TelephonyHub.Abstractions.ClickToCall;

/// <summary>Where a call the CRM asks for comes from (reference §4.5).</summary>
public enum DialKind
{
    /// <summary>A user clicked a number (<c>ONEXTERNALCALLSTART</c>): ring that user, then the customer.</summary>
    Click = 1,

    /// <summary>A visitor filled a callback form (<c>ONEXTERNALCALLBACKSTART</c>): ring a free operator, then the customer.</summary>
    Callback = 2,
}
