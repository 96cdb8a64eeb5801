namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Maps the PBX's outcome to Bitrix24's <c>STATUS_CODE</c> (reference §5.3). The codes are SIP-like strings;
/// <c>304</c> on an inbound call is what makes Bitrix24 record a missed call and run its missed-call automation.
/// </summary>
public static class CallStatusCodes
{
    public const string Success = "200";
    public const string Missed = "304";
    public const string Declined = "603";
    public const string Cancelled = "603-S";
    public const string Forbidden = "403";
    public const string InvalidNumber = "404";
    public const string Busy = "486";
    public const string DestinationUnavailable = "484";
    public const string ServiceUnavailable = "503";
    public const string TemporarilyUnavailable = "480";
    public const string InsufficientFunds = "402";
    public const string Blocked = "423";
    public const string Other = "OTHER";

    private static readonly FrozenDictionary<int, string> KnownSipCodes = new Dictionary<int, string>
    {
        [402] = InsufficientFunds,
        [403] = Forbidden,
        [404] = InvalidNumber,
        [423] = Blocked,
        [480] = TemporarilyUnavailable,
        [484] = DestinationUnavailable,
        [486] = Busy,
        [503] = ServiceUnavailable,
        [603] = Declined,
    }.ToFrozenDictionary();

    /// <summary>The status code for a call that ended with <paramref name="outcome"/>.</summary>
    public static string For(CallOutcome outcome, CallDirection direction, int? sipCode) => outcome switch
    {
        CallOutcome.Answered => Success,
        CallOutcome.NoAnswer => Missed,
        CallOutcome.Cancelled => direction == CallDirection.Inbound ? Missed : Cancelled,
        CallOutcome.Busy => Busy,
        CallOutcome.Declined => Declined,
        CallOutcome.InvalidNumber => InvalidNumber,
        CallOutcome.Unavailable => FromSip(sipCode) ?? TemporarilyUnavailable,
        CallOutcome.Failed => FromSip(sipCode) ?? Other,
        _ => Other,
    };

    private static string? FromSip(int? sipCode) =>
        sipCode is { } code && KnownSipCodes.TryGetValue(code, out var status) ? status : null;
}
