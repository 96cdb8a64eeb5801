using TelephonyHub.Abstractions.ClickToCall;
using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Silo.Bitrix24Events;

namespace TelephonyHub.Silo.Tests.Bitrix24Events;

public sealed class DialRequestsTests
{
    private const string Auth = "&auth[access_token]=user-token&auth[domain]=x.bitrix24.de&auth[member_id]=m1&auth[application_token]=app-secret";
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 10, 0, 30, TimeSpan.Zero);

    [Fact]
    public void Click_CarriesTheUserNumberLineAndCallList_KeyedByItsCallId_AndNoTokens()
    {
        var request = Map("event=ONEXTERNALCALLSTART&ts=1773236988&data[CALL_ID]=externalCall.abc.1&data[USER_ID]=12"
            + "&data[PHONE_NUMBER]=030%201234567&data[PHONE_NUMBER_INTERNATIONAL]=%2B49301234567&data[LINE_NUMBER]=7"
            + "&data[CALL_LIST_ID]=5&data[CRM_ENTITY_TYPE]=CONTACT&data[CRM_ENTITY_ID]=797");

        Assert.Equal(("externalCall.abc.1", DialKind.Click, "externalCall.abc.1", 12L), (request.ClickId, request.Kind, request.Bitrix24CallId, request.UserId));
        Assert.Equal(("030 1234567", "+49301234567", "7", 5L), (request.PhoneNumber, request.PhoneNumberInternational, request.LineNumber, request.CallListId));
        Assert.Equal(("CONTACT", 797L, Received), (request.CrmEntityType, request.CrmEntityId, request.ReceivedAt));
        Assert.DoesNotContain("token", request.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ClickWithoutCallIdOrTimestamp_IsKeyedByTheHubsClock()
    {
        var request = Map("event=ONEXTERNALCALLSTART&data[USER_ID]=12&data[PHONE_NUMBER]=%2B49301234567&data[CALL_LIST_ID]=0");

        Assert.Null(request.Bitrix24CallId);
        Assert.Null(request.CallListId);
        Assert.StartsWith($"evt.t{Received.ToUnixTimeSeconds()}.u12.n", request.ClickId, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", request.ClickId, StringComparison.Ordinal);
    }

    [Fact]
    public void CallbackForm_CarriesTheNumberTextAndCrmObject()
    {
        var request = Map("event=ONEXTERNALCALLBACKSTART&ts=1773236988&data[PHONE_NUMBER]=%2B4930777888&data[TEXT]=Call%20me"
            + "&data[VOICE]=ruinternalfemale&data[CRM_ENTITY_TYPE]=LEAD&data[CRM_ENTITY_ID]=31&data[LINE_NUMBER]=1");

        Assert.StartsWith("callback.t1773236988.n", request.ClickId, StringComparison.Ordinal);
        Assert.DoesNotContain("777888", request.ClickId, StringComparison.Ordinal);
        Assert.Equal((DialKind.Callback, (long?)null), (request.Kind, request.UserId));
        Assert.Equal(("Call me", "ruinternalfemale", "LEAD", 31L, "1"),
            (request.Announcement, request.AnnouncementVoice, request.CrmEntityType, request.CrmEntityId, request.LineNumber));
    }

    [Fact]
    public void CallbackWithoutNumber_NamesTheField()
    {
        var evt = Bitrix24EventParser.Parse("event=ONEXTERNALCALLBACKSTART&data[TEXT]=hi" + Auth).Value!;

        Assert.Equal("data[PHONE_NUMBER] is missing", DialRequests.From(evt, Received).Error?.ToString());
    }

    private static DialRequest Map(string body)
    {
        var mapped = DialRequests.From(Bitrix24EventParser.Parse(body + Auth).Value!, Received);
        Assert.True(mapped.IsSuccess, mapped.Error?.ToString());
        return mapped.Value;
    }
}
