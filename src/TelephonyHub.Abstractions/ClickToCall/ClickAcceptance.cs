namespace TelephonyHub.Abstractions.ClickToCall;

/// <summary>What the click grain made of a delivered event.</summary>
public enum ClickAcceptance
{
    /// <summary>New: the hub is placing the call.</summary>
    Accepted = 1,

    /// <summary>The same event was delivered before; nothing more happens.</summary>
    Duplicate = 2,
}
