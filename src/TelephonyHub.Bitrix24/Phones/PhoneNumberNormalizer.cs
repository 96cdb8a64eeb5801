using System.Text;
using PhoneNumbers;

namespace TelephonyHub.Bitrix24.Phones;

/// <summary>
/// Normalises customer numbers with libphonenumber before they reach Bitrix24, whose own matching rules are
/// undocumented (reference open question 12): E.164 gives the CRM the best chance to match.
/// </summary>
public static class PhoneNumberNormalizer
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>
    /// E.164 (<c>+49301234567</c>) when <paramref name="raw"/> is a valid number in <paramref name="defaultRegion"/>
    /// (or carries its own country code); otherwise the digits the user gave, with a leading <c>+</c> kept and letters
    /// and punctuation stripped (extensions, short codes, numbers libphonenumber does not know).
    /// </summary>
    /// <param name="raw">The number as the PBX or the user wrote it.</param>
    /// <param name="defaultRegion">ISO 3166 region for national numbers, e.g. <c>DE</c>.</param>
    public static string Normalize(string raw, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(raw);
        try
        {
            var number = Util.Parse(raw, defaultRegion.ToUpperInvariant());
            if (Util.IsValidNumber(number))
            {
                return Util.Format(number, PhoneNumberFormat.E164);
            }
        }
        catch (NumberParseException)
        {
            // Not a phone number libphonenumber understands: fall back to the digits below.
        }

        return DigitsOnly(raw);
    }

    /// <summary>The digits of <paramref name="raw"/>, with a leading <c>+</c> kept.</summary>
    public static string DigitsOnly(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (c == '+' && builder.Length == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
