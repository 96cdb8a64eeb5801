using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Maps the PBX's outcome to Bitrix24's <c>STATUS_CODE</c> (reference §5.3). <c>304</c> on an inbound call is what
/// makes Bitrix24 record a missed call and run its missed-call automation, so an inbound caller hanging up before
/// anyone answered is 304, while an outbound call the user abandons is "cancelled" (603-S).
/// </summary>
public static class CallOutcomeStatus
{
    private static readonly FrozenDictionary<int, string> KnownSipCodes = new Dictionary<int, string>
    {
        [402] = CallStatusCode.InsufficientFunds,
        [403] = CallStatusCode.Forbidden,
        [404] = CallStatusCode.InvalidNumber,
        [423] = CallStatusCode.Blocked,
        [480] = CallStatusCode.TemporarilyUnavailable,
        [484] = CallStatusCode.AddressIncomplete,
        [486] = CallStatusCode.Busy,
        [503] = CallStatusCode.ServiceUnavailable,
        [603] = CallStatusCode.Declined,
    }.ToFrozenDictionary();

    /// <summary>The status code for a call that ended with <paramref name="outcome"/>.</summary>
    public static string For(CallOutcome outcome, CallDirection direction, int? sipCode) => outcome switch
    {
        CallOutcome.Answered => CallStatusCode.Success,
        CallOutcome.NoAnswer => CallStatusCode.Missed,
        CallOutcome.Cancelled => direction == CallDirection.Inbound ? CallStatusCode.Missed : CallStatusCode.Cancelled,
        CallOutcome.Busy => CallStatusCode.Busy,
        CallOutcome.Declined => CallStatusCode.Declined,
        CallOutcome.InvalidNumber => CallStatusCode.InvalidNumber,
        CallOutcome.Unavailable => FromSip(sipCode) ?? CallStatusCode.TemporarilyUnavailable,
        CallOutcome.Failed => FromSip(sipCode) ?? CallStatusCode.Other,
        _ => CallStatusCode.Other,
    };

    private static string? FromSip(int? sipCode) =>
        sipCode is { } code && KnownSipCodes.TryGetValue(code, out var status) ? status : null;
}
