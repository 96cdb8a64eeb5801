using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Tests.Rest;

public sealed class PhpFormCodecTests
{
    [Fact]
    public void Parameters_FlattenListsAndNestedValuesInPhpBracketForm()
    {
        var parameters = new Bitrix24Parameters()
            .Add("CALL_ID", "externalCall.1")
            .AddList("USER_ID", new long[] { 11, 24, 31 })
            .Add(Bitrix24Parameters.Key("fields", "PHONE", "0", "VALUE"), "112233")
            .Add(Bitrix24Parameters.Key("fields", "PHONE", "0", "VALUE_TYPE"), "WORK");

        Assert.Equal(
            "CALL_ID=externalCall.1&USER_ID%5B0%5D=11&USER_ID%5B1%5D=24&USER_ID%5B2%5D=31"
            + "&fields%5BPHONE%5D%5B0%5D%5BVALUE%5D=112233&fields%5BPHONE%5D%5B0%5D%5BVALUE_TYPE%5D=WORK",
            parameters.ToFormBody());
    }

    [Fact]
    public void Parameters_OmitNullsAndEmptyLists_AndSpellBooleansAsTheMethodExpects()
    {
        var parameters = new Bitrix24Parameters()
            .Add("LINE_NUMBER", (string?)null)
            .Add("CRM_ENTITY_ID", (long?)null)
            .AddList("USER_ID", Array.Empty<long>())
            .AddOneZero("SHOW", false)
            .AddOneZero("ADD_TO_CHAT", true)
            .AddYesNo("CRM_AUTO_CREATE", false)
            .AddOneZero("CRM_CREATE", null);

        Assert.Equal("SHOW=0&ADD_TO_CHAT=1&CRM_AUTO_CREATE=N", parameters.ToFormBody());
    }

    [Fact]
    public void Parameters_WriteDatesAsIso8601WithOffset_AndPlusSignsEncoded()
    {
        var start = new DateTimeOffset(2026, 3, 7, 10, 20, 30, TimeSpan.FromHours(3));
        var parameters = new Bitrix24Parameters().Add("CALL_START_DATE", start).Add("PHONE_NUMBER", "+4930123456");

        Assert.Equal("CALL_START_DATE=2026-03-07T10%3A20%3A30%2B03%3A00&PHONE_NUMBER=%2B4930123456", parameters.ToFormBody());
    }

    [Fact]
    public void Decoder_ReadsTheReferenceEventBodyIntoNestedNodes()
    {
        var form = PhpFormDecoder.Decode(
            "event=ONEXTERNALCALLSTART&data%5BPHONE_NUMBER%5D=%2B494951234567&data%5BEXTENSION%5D="
            + "&auth%5Bscope%5D=telephony%2Ccrm&auth[domain]=some-domain.bitrix24.com");

        Assert.Equal("ONEXTERNALCALLSTART", form.GetString("event"));
        Assert.Equal("+494951234567", form.GetString("data", "PHONE_NUMBER"));
        Assert.Equal(string.Empty, form.GetString("data", "EXTENSION"));
        Assert.Equal("telephony,crm", form.GetString("auth", "scope"));
        Assert.Equal("some-domain.bitrix24.com", form.GetString("auth", "domain"));
    }

    [Fact]
    public void Decoder_FollowsPhpRules_AppendingEmptyBracketsAndLettingTheLastScalarWin()
    {
        var form = PhpFormDecoder.Decode("USER_ID[]=11&USER_ID[]=24&USER_ID[7]=31&USER_ID[]=40&name=a+b&name=c%20d&=ignored");

        var userIds = form["USER_ID"]!;
        Assert.Equal(["0", "1", "7", "8"], userIds.Children.Select(c => c.Key));
        Assert.Equal(["11", "24", "31", "40"], userIds.Children.Select(c => c.Node.Value));
        Assert.Equal("c d", form.GetString("name"));
        Assert.Equal(2, form.Children.Length);
    }

    [Fact]
    public void EncodeThenDecode_RoundTripsListsAndNestedValues()
    {
        var parameters = new Bitrix24Parameters()
            .Add("PHONE_NUMBER", "+49 30 123&456=7")
            .AddList("USER_ID", new long[] { 11, 24 })
            .Add(Bitrix24Parameters.Key("filter", ">=DATE_CREATE"), "2026-01-01")
            .Add(Bitrix24Parameters.Key("fields", "PHONE", "0", "VALUE"), "Grüße [x]");

        var decoded = PhpFormDecoder.Decode(parameters.ToFormBody());

        Assert.Equal(parameters.Pairs, decoded.Flatten());
        Assert.Equal("Grüße [x]", decoded.GetString("fields", "PHONE", "0", "VALUE"));
        var plain = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(decoded.ToPlainValue());
        var users = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(plain["USER_ID"]);
        Assert.Equal("24", users["1"]);
    }

    [Fact]
    public void DecodeThenEncode_RoundTripsAnEventBody()
    {
        const string body = "event=ONAPPINSTALL&data%5BVERSION%5D=1&data%5BLANGUAGE_ID%5D=de&auth%5Bdomain%5D=x.bitrix24.de";

        var flattened = PhpFormEncoder.Encode(PhpFormDecoder.Decode(body).Flatten());

        Assert.Equal(body, flattened);
    }

    [Fact]
    public void BatchQuery_KeepsBracketsAndBackReferencesLiteral_ButEncodesEverythingElse()
    {
        var query = PhpFormEncoder.EncodeBatchQuery(new Bitrix24Parameters()
            .Add("CALL_ID", Bitrix24BatchReference.Result("reg1", "CALL_ID"))
            .AddList("USER_ID", new long[] { 11 })
            .Add("PHONE_NUMBER", "+49 30&1")
            .Pairs);

        Assert.Equal("CALL_ID=$result[reg1][CALL_ID]&USER_ID[0]=11&PHONE_NUMBER=%2B49%2030%261", query);
    }
}
