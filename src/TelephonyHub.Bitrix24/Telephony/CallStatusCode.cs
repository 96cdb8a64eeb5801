namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// The SIP-like <c>STATUS_CODE</c> values of <c>telephony.externalcall.finish</c> (reference §5.3). Bitrix24 sets
/// <c>CALL_STATUS</c> from <c>DURATION</c> alone; the code only labels the record (<c>304</c> on an incoming call
/// makes a "missed call").
/// </summary>
public static class CallStatusCode
{
    /// <summary><c>200</c>: successful call.</summary>
    public const string Success = "200";

    /// <summary><c>304</c>: missed call.</summary>
    public const string Missed = "304";

    /// <summary><c>603</c>: declined.</summary>
    public const string Declined = "603";

    /// <summary><c>603-S</c>: call cancelled.</summary>
    public const string Cancelled = "603-S";

    /// <summary><c>403</c>: forbidden.</summary>
    public const string Forbidden = "403";

    /// <summary><c>404</c>: invalid number.</summary>
    public const string InvalidNumber = "404";

    /// <summary><c>486</c>: busy.</summary>
    public const string Busy = "486";

    /// <summary><c>484</c>: destination unavailable.</summary>
    public const string AddressIncomplete = "484";

    /// <summary><c>503</c>: destination unavailable.</summary>
    public const string ServiceUnavailable = "503";

    /// <summary><c>480</c>: temporarily unavailable.</summary>
    public const string TemporarilyUnavailable = "480";

    /// <summary><c>402</c>: insufficient funds.</summary>
    public const string InsufficientFunds = "402";

    /// <summary><c>423</c>: blocked.</summary>
    public const string Blocked = "423";

    /// <summary><c>OTHER</c>: undefined.</summary>
    public const string Other = "OTHER";

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        [Success] = "successful call",
        [Missed] = "missed call",
        [Declined] = "declined",
        [Cancelled] = "call cancelled",
        [Forbidden] = "forbidden",
        [InvalidNumber] = "invalid number",
        [Busy] = "busy",
        [AddressIncomplete] = "destination unavailable",
        [ServiceUnavailable] = "destination unavailable",
        [TemporarilyUnavailable] = "temporarily unavailable",
        [InsufficientFunds] = "insufficient funds",
        [Blocked] = "blocked",
        [Other] = "undefined",
    };

    /// <summary>All codes of the reference's table.</summary>
    public static IReadOnlyCollection<string> All => Meanings.Keys;

    /// <summary>True for a code of the reference's table.</summary>
    public static bool IsKnown(string code) => Meanings.ContainsKey(code);

    /// <summary>The reference's meaning of <paramref name="code"/>, or null for an unknown code.</summary>
    public static string? Describe(string code) => Meanings.GetValueOrDefault(code);

    /// <summary>
    /// The code for a SIP final response (<c>486</c> → <see cref="Busy"/>): a listed code is kept, a 2xx is
    /// <see cref="Success"/>, anything else <see cref="Other"/>.
    /// </summary>
    public static string FromSip(int sipStatus) => sipStatus switch
    {
        >= 200 and < 300 => Success,
        _ when Meanings.ContainsKey(sipStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)) =>
            sipStatus.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => Other,
    };
}
