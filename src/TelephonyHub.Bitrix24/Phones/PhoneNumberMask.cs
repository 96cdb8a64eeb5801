using PhoneNumbers;

namespace TelephonyHub.Bitrix24.Phones;

/// <summary>
/// The one masking helper for phone numbers in logs (house style): keeps the country code and the last two
/// digits, so an operator can tell calls apart without the log holding the customer's number.
/// </summary>
public static class PhoneNumberMask
{
    private const int VisibleTail = 2;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary><c>+49301234567</c> → <c>+49*******67</c>; <c>0301234567</c> → <c>********67</c>; null → <c>(none)</c>.</summary>
    public static string Mask(string? number)
    {
        if (string.IsNullOrEmpty(number))
        {
            return "(none)";
        }

        var digits = PhoneNumberNormalizer.DigitsOnly(number);
        var prefix = string.Empty;
        if (digits.StartsWith('+'))
        {
            var countryCode = CountryCodeOf(digits);
            prefix = "+" + countryCode;
            digits = digits[prefix.Length..];
        }

        if (digits.Length <= VisibleTail)
        {
            return prefix + new string('*', digits.Length);
        }

        return prefix + new string('*', digits.Length - VisibleTail) + digits[^VisibleTail..];
    }

    private static string CountryCodeOf(string e164)
    {
        try
        {
            var code = Util.Parse(e164, "ZZ").CountryCode;
            return code > 0 ? code.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        }
        catch (NumberParseException)
        {
            return string.Empty;
        }
    }
}
