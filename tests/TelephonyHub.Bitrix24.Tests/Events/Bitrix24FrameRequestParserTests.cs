using TelephonyHub.Bitrix24.Events;

namespace TelephonyHub.Bitrix24.Tests.Events;

public sealed class Bitrix24FrameRequestParserTests
{
    private const string Query = "?DOMAIN=some-domain.bitrix24.com&PROTOCOL=1&LANG=de&APP_SID=0a1b2c";

    private const string Body =
        "AUTH_ID=acc&AUTH_EXPIRES=3600&REFRESH_ID=ref&SERVER_ENDPOINT=https%3A%2F%2Foauth.bitrix.info%2Frest%2F"
        + "&APPLICATION_TOKEN=app-token&APPLICATION_SCOPE=crm%2Ctelephony&member_id=a223c6b9410f85df78e9377d6c4f7213"
        + "&status=P&PLACEMENT=CALL_CARD"
        + "&PLACEMENT_OPTIONS=%7B%22CALL_ID%22%3A%22externalCall.1%22%2C%22CRM_ENTITY_ID%22%3A%220%22%2C%22CALL_LIST_MODE%22%3Afalse%7D";

    [Fact]
    public void FrameRequest_CombinesQueryAndBody()
    {
        var frame = Bitrix24FrameRequestParser.Parse(Query, Body);

        Assert.True(frame.IsSuccess, frame.Error?.ToString());
        var value = frame.Value;
        Assert.Equal(("some-domain.bitrix24.com", "de", "0a1b2c"), (value.Domain, value.Language, value.AppSid));
        Assert.Equal(("acc", "ref", 3600L), (value.AccessToken, value.RefreshToken, value.ExpiresIn));
        Assert.Equal("a223c6b9410f85df78e9377d6c4f7213", value.MemberId);
        Assert.Equal(["crm", "telephony"], value.Scope.ToArray());
        Assert.Equal("CALL_CARD", value.Placement);
        Assert.Equal("externalCall.1", value.PlacementOptions["CALL_ID"]);
        Assert.Equal("false", value.PlacementOptions["CALL_LIST_MODE"]);
        Assert.Equal(new Uri("https://some-domain.bitrix24.com/rest/"), value.ClientEndpoint);
        Assert.DoesNotContain("acc", value.ToString().Replace("Placement", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void FrameRequest_WithUndefinedPlacementOptions_HasNone()
    {
        var frame = Bitrix24FrameRequestParser.Parse(Query, "AUTH_ID=acc&member_id=m1&PLACEMENT=DEFAULT&PLACEMENT_OPTIONS=undefined");

        Assert.Empty(frame.Value!.PlacementOptions);
    }

    [Theory]
    [InlineData("", Body, "DOMAIN")]
    [InlineData(Query, "member_id=m1", "AUTH_ID")]
    [InlineData(Query, "AUTH_ID=acc", "member_id")]
    [InlineData(Query, "AUTH_ID=acc&member_id=m1&AUTH_EXPIRES=soon", "AUTH_EXPIRES")]
    public void FrameRequest_MissingOrBadField_IsRejectedNamingIt(string query, string body, string field)
    {
        var frame = Bitrix24FrameRequestParser.Parse(query, body);

        Assert.Equal(field, frame.Error?.Field);
    }
}
