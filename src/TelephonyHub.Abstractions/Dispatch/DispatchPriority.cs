namespace TelephonyHub.Abstractions.Dispatch;

/// <summary>
/// What a request is worth when the portal's rate budget is short: a card for a ringing call is useless a minute
/// late, a call record is not.
/// </summary>
public enum DispatchPriority
{
    /// <summary>Cards of live calls (register with card, show, hide).</summary>
    LiveCard = 0,

    /// <summary>Records of calls (register without card, finish, recordings).</summary>
    CallRecord = 1,

    /// <summary>Housekeeping (user sync, event bindings, lines).</summary>
    Background = 2,
}
