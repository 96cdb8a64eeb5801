using TelephonyHub.Bitrix24.Phones;

namespace TelephonyHub.Bitrix24.Tests.Phones;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("+49 (30) 123-4567", "US", "+49301234567")]
    [InlineData("0049 30 1234567", "DE", "+49301234567")]
    [InlineData("(202) 555-0143", "us", "+12025550143")]
    [InlineData("8 (495) 123-45-67", "RU", "+74951234567")]
    public void Normalize_GivesE164ForParseableNumbers(string raw, string region, string expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.Normalize(raw, region));
    }

    [Theory]
    [InlineData("101", "DE", "101")]
    [InlineData("ext. 42a", "DE", "42")]
    [InlineData("+999 12-34", "DE", "+9991234")]
    [InlineData("call me", "DE", "")]
    public void Normalize_KeepsTheDigitsOfWhatIsNotAPhoneNumber(string raw, string region, string expected)
    {
        Assert.Equal(expected, PhoneNumberNormalizer.Normalize(raw, region));
    }

    [Theory]
    [InlineData("+49301234567", "+49*******67")]
    [InlineData("+1 202 555 0143", "+1********43")]
    [InlineData("0301234567", "********67")]
    [InlineData("104", "*04")]
    [InlineData("7", "*")]
    [InlineData(null, "(none)")]
    public void Mask_KeepsCountryCodeAndLastTwoDigits(string? number, string expected)
    {
        Assert.Equal(expected, PhoneNumberMask.Mask(number));
    }
}
