using TelephonyHub.Bitrix24.Events;

namespace TelephonyHub.Bitrix24.Tests.Events;

public sealed class Bitrix24EventParserTests
{
    // The raw ONEXTERNALCALLSTART body of reference §4.1.
    private const string ExternalCallStartBody =
        "event=ONEXTERNALCALLSTART&event_handler_id=1055"
        + "&data%5BPHONE_NUMBER%5D=%2B494951234567&data%5BPHONE_NUMBER_INTERNATIONAL%5D=%2B494951234567"
        + "&data%5BEXTENSION%5D=&data%5BUSER_ID%5D=1269&data%5BCALL_LIST_ID%5D=0&data%5BLINE_NUMBER%5D=7"
        + "&data%5BIS_MOBILE%5D=0&data%5BCALL_ID%5D=externalCall.89350264e026dace3f2b14d1f438257c.1773236989"
        + "&data%5BCRM_ENTITY_TYPE%5D=CONTACT&data%5BCRM_ENTITY_ID%5D=797&ts=1773236988"
        + "&auth%5Baccess_token%5D=s7p6..&auth%5Bexpires%5D=1773240588&auth%5Bexpires_in%5D=3600"
        + "&auth%5Bscope%5D=telephony%2Ccrm&auth%5Bdomain%5D=some-domain.bitrix24.com"
        + "&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F&auth%5Bstatus%5D=F"
        + "&auth%5Bclient_endpoint%5D=https%3A%2F%2Fsome-domain.bitrix24.com%2Frest%2F"
        + "&auth%5Bmember_id%5D=a223c6b9410f85df78e9377d6c4f7213&auth%5Buser_id%5D=1269"
        + "&auth%5Bapplication_token%5D=51610fefc120afg4b628cc82d6298cce";

    [Fact]
    public void ExternalCallStart_FromTheReferenceBody_IsTyped()
    {
        var evt = Bitrix24EventParser.Parse(ExternalCallStartBody);
        Assert.True(evt.IsSuccess, evt.Error?.ToString());

        var call = ExternalCallStartEvent.From(evt.Value);

        Assert.True(call.IsSuccess, call.Error?.ToString());
        var start = call.Value;
        Assert.Equal("externalCall.89350264e026dace3f2b14d1f438257c.1773236989", start.CallId);
        Assert.Equal(1269, start.UserId);
        Assert.Equal("+494951234567", start.PhoneNumber);
        Assert.Equal("+494951234567", start.PhoneNumberInternational);
        Assert.Null(start.Extension);
        Assert.Null(start.CallListId);
        Assert.Equal("7", start.LineNumber);
        Assert.False(start.IsMobile);
        Assert.Equal(("CONTACT", 797L), (start.CrmEntityType, start.CrmEntityId));
        Assert.Equal(1055, evt.Value.HandlerId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773236988), evt.Value.Timestamp);
        var auth = start.Auth;
        Assert.Equal("a223c6b9410f85df78e9377d6c4f7213", auth.MemberId);
        Assert.Equal("51610fefc120afg4b628cc82d6298cce", auth.ApplicationToken);
        Assert.Equal(["telephony", "crm"], auth.Scope.ToArray());
        Assert.Equal(new Uri("https://some-domain.bitrix24.com/rest/"), auth.ClientEndpoint);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773240588), auth.Expires);
        Assert.Equal(1269, auth.UserId);
        Assert.DoesNotContain("51610fefc120afg4b628cc82d6298cce", auth.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Event_WithLowerCaseCodeAndNoServerEndpoint_IsNormalised()
    {
        var body = ExternalCallStartBody
            .Replace("event=ONEXTERNALCALLSTART", "event=onExternalCallStart", StringComparison.Ordinal)
            .Replace("&auth%5Bserver_endpoint%5D=https%3A%2F%2Foauth.bitrix.info%2Frest%2F", string.Empty, StringComparison.Ordinal)
            .Replace("&auth%5Bclient_endpoint%5D=https%3A%2F%2Fsome-domain.bitrix24.com%2Frest%2F", string.Empty, StringComparison.Ordinal);

        var evt = Bitrix24EventParser.Parse(body);

        Assert.Equal(Bitrix24EventCodes.ExternalCallStart, evt.Value?.Code);
        Assert.Equal(new Uri("https://oauth.bitrix.info/rest/"), evt.Value?.Auth.ServerEndpoint);
        Assert.Equal(new Uri("https://some-domain.bitrix24.com/rest/"), evt.Value?.Auth.ClientEndpoint);
    }

    [Theory]
    [InlineData("&auth%5Bmember_id%5D=a223c6b9410f85df78e9377d6c4f7213", "auth[member_id]")]
    [InlineData("&auth%5Bapplication_token%5D=51610fefc120afg4b628cc82d6298cce", "auth[application_token]")]
    [InlineData("&auth%5Bdomain%5D=some-domain.bitrix24.com", "auth[domain]")]
    [InlineData("event=ONEXTERNALCALLSTART&", "event")]
    public void Event_MissingARequiredField_IsRejectedNamingIt(string removed, string field)
    {
        var evt = Bitrix24EventParser.Parse(ExternalCallStartBody.Replace(removed, string.Empty, StringComparison.Ordinal));

        Assert.False(evt.IsSuccess);
        Assert.Equal(field, evt.Error.Field);
    }

    [Fact]
    public void Event_WithAGarbledTimestamp_IsRejectedNamingIt()
    {
        var evt = Bitrix24EventParser.Parse(ExternalCallStartBody.Replace("ts=1773236988", "ts=yesterday", StringComparison.Ordinal));

        Assert.Equal("ts", evt.Error?.Field);
    }

    [Fact]
    public void ExternalCallStart_WithoutCallId_AsOlderPortalsSendIt_IsTypedWithoutOne()
    {
        var evt = Bitrix24EventParser.Parse(ExternalCallStartBody.Replace(
            "&data%5BCALL_ID%5D=externalCall.89350264e026dace3f2b14d1f438257c.1773236989", string.Empty, StringComparison.Ordinal));

        var call = ExternalCallStartEvent.From(evt.Value!);

        Assert.True(call.IsSuccess, call.Error?.ToString());
        Assert.Null(call.Value.CallId);
        Assert.Equal((1269L, "+494951234567"), (call.Value.UserId, call.Value.PhoneNumber));
    }

    [Fact]
    public void ExternalCallStart_WithoutUser_NamesTheDataField()
    {
        var evt = Bitrix24EventParser.Parse(ExternalCallStartBody.Replace("&data%5BUSER_ID%5D=1269", string.Empty, StringComparison.Ordinal));

        var call = ExternalCallStartEvent.From(evt.Value!);

        Assert.Equal("data[USER_ID] is missing", call.Error?.ToString());
    }

    [Fact]
    public void TypedView_OfAnotherEvent_IsRefused()
    {
        var evt = Bitrix24EventParser.Parse(ExternalCallStartBody).Value!;

        var install = AppInstallEvent.From(evt);

        Assert.Equal("event", install.Error?.Field);
    }

    [Fact]
    public void AppInstall_CarriesTheInstallingAdminsTokens()
    {
        var evt = Bitrix24EventParser.Parse(
            "event=ONAPPINSTALL&data[VERSION]=3&data[ACTIVE]=Y&data[INSTALLED]=Y&data[LANGUAGE_ID]=de&ts=1773236988"
            + "&auth[access_token]=acc&auth[refresh_token]=ref&auth[expires_in]=3600&auth[scope]=crm%20telephony%20user_basic"
            + "&auth[domain]=x.bitrix24.de&auth[status]=P&auth[member_id]=m1&auth[application_token]=app-token").Value!;

        var install = AppInstallEvent.From(evt);

        Assert.True(install.IsSuccess, install.Error?.ToString());
        Assert.Equal(("3", true, true, "de"), (install.Value.Version, install.Value.Active, install.Value.Installed, install.Value.LanguageId));
        Assert.Equal(("acc", "ref"), (install.Value.Auth.AccessToken, install.Value.Auth.RefreshToken));
        Assert.Equal(["crm", "telephony", "user_basic"], install.Value.Auth.Scope.ToArray());
    }

    [Fact]
    public void AppInstall_WithoutRefreshToken_IsRejected()
    {
        var evt = Bitrix24EventParser.Parse(
            "event=ONAPPINSTALL&auth[access_token]=acc&auth[domain]=x.bitrix24.de&auth[member_id]=m1&auth[application_token]=t").Value!;

        Assert.Equal("auth[refresh_token]", AppInstallEvent.From(evt).Error?.Field);
    }

    [Fact]
    public void AppUninstall_NeedsNoTokens()
    {
        var evt = Bitrix24EventParser.Parse(
            "event=ONAPPUNINSTALL&data[LANGUAGE_ID]=en&data[CLEAN]=1&auth[domain]=x.bitrix24.de"
            + "&auth[client_endpoint]=https%3A%2F%2Fx.bitrix24.de%2Frest%2F&auth[member_id]=m1&auth[application_token]=t").Value!;

        var uninstall = AppUninstallEvent.From(evt);

        Assert.True(uninstall.Value?.Clean);
        Assert.Null(uninstall.Value?.Auth.AccessToken);
    }

    [Fact]
    public void ExternalCallbackStart_IsTyped()
    {
        var evt = Bitrix24EventParser.Parse(
            "event=ONEXTERNALCALLBACKSTART&data[PHONE_NUMBER]=%2B4930123456&data[TEXT]=Call%20me&data[VOICE]=ruinternalfemale"
            + "&data[CRM_ENTITY_TYPE]=LEAD&data[CRM_ENTITY_ID]=12&data[LINE_NUMBER]=7"
            + "&auth[domain]=x.bitrix24.de&auth[member_id]=m1&auth[application_token]=t").Value!;

        var callback = ExternalCallbackStartEvent.From(evt);

        Assert.True(callback.IsSuccess, callback.Error?.ToString());
        Assert.Equal(("+4930123456", "Call me", "LEAD", 12L, "7"),
            (callback.Value.PhoneNumber, callback.Value.Text, callback.Value.CrmEntityType, callback.Value.CrmEntityId, callback.Value.LineNumber));
    }

    [Fact]
    public void Data_IsANestedDictionary()
    {
        var evt = Bitrix24EventParser.Parse(
            "event=ONCRMDEALUPDATE&data[FIELDS][ID]=41&data[FIELDS][PHONE][0][VALUE]=1&auth[domain]=x&auth[member_id]=m&auth[application_token]=t").Value!;

        var data = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(evt.Data.ToPlainValue());
        var fields = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object>>(data["FIELDS"]);
        Assert.Equal("41", fields["ID"]);
        Assert.Equal("1", evt.Data.GetString("FIELDS", "PHONE", "0", "VALUE"));
    }
}
