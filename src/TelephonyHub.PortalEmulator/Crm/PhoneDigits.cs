using PhoneNumbers;

namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>
/// Phone number forms used by the portal. Matching compares digits only, as reference open question 12 suggests:
/// Bitrix24's own normalisation is undocumented, and digits are the one form every client can reproduce.
/// </summary>
public static class PhoneDigits
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The digits of a number (<c>+49 (30) 123-45</c> → <c>493012345</c>).</summary>
    public static string Of(string? number) => new((number ?? "").Where(char.IsAsciiDigit).ToArray());

    /// <summary>
    /// The number as register stores it: letters and punctuation stripped, a leading <c>+</c> kept
    /// (reference §5.1 "letters are stripped"). Empty when nothing usable is left.
    /// </summary>
    public static string Normalize(string? number)
    {
        var digits = Of(number);
        return digits.Length == 0 ? "" : (number!.TrimStart().StartsWith('+') ? "+" + digits : digits);
    }

    /// <summary>True when both numbers have the same non-empty digits.</summary>
    public static bool Same(string? a, string? b)
    {
        var left = Of(a);
        return left.Length > 0 && left == Of(b);
    }

    /// <summary>
    /// E.164 form for <c>PHONE_NUMBER_INTERNATIONAL</c> (reference §4.5), parsed in the portal's region;
    /// the digit form with a <c>+</c> when the number cannot be parsed.
    /// </summary>
    public static string International(string number, string region)
    {
        try
        {
            var parsed = Util.Parse(number, region);
            if (Util.IsPossibleNumber(parsed))
            {
                return Util.Format(parsed, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
            // Falls through: a number libphonenumber cannot read is still sent, as Bitrix24 does.
        }

        return "+" + Of(number);
    }
}
