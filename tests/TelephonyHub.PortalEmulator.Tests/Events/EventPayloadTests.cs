using TelephonyHub.PortalEmulator.Admin;
using TelephonyHub.PortalEmulator.Telephony;

namespace TelephonyHub.PortalEmulator.Tests.Events;

/// <summary>
/// Reference §4.1–§4.5 and §9 item 8: events as Bitrix24 posts them, received by a real loopback server,
/// field names byte for byte.
/// </summary>
public sealed class EventPayloadTests
{
    private static readonly string[] UserAuth =
    [
        "auth[access_token]", "auth[expires]", "auth[expires_in]", "auth[scope]", "auth[domain]", "auth[server_endpoint]",
        "auth[status]", "auth[client_endpoint]", "auth[member_id]", "auth[user_id]", "auth[application_token]",
    ];

    [Fact]
    public async Task Install_PostsOnAppInstallToTheInstallHandler()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync(installHandler: receiver.Url("install"), install: false);

        var outcome = await h.Server.Admin.InstallAppAsync(EmulatorHarness.Domain, EmulatorHarness.ClientId);
        var posted = await receiver.NextAsync("ONAPPINSTALL at the install handler");

        Assert.Equal("application/x-www-form-urlencoded", posted.ContentType?.Split(';')[0]);
        Assert.Contains("auth%5Bapplication_token%5D=", posted.RawBody);
        Assert.Equal(
            ["event", "event_handler_id", "data[VERSION]", "data[ACTIVE]", "data[INSTALLED]", "data[LANGUAGE_ID]", "ts",
             "auth[access_token]", "auth[expires]", "auth[expires_in]", "auth[refresh_token]", "auth[scope]", "auth[domain]",
             "auth[server_endpoint]", "auth[status]", "auth[client_endpoint]", "auth[member_id]", "auth[user_id]", "auth[application_token]"],
            posted.FieldNames);
        Assert.Equal("ONAPPINSTALL", posted.Field("event"));
        Assert.Equal(outcome.ApplicationToken, posted.Field("auth[application_token]"));
        Assert.Equal(h.ClientEndpoint.AbsoluteUri, posted.Field("auth[client_endpoint]"));
        Assert.Equal(EmulatorHarness.Domain, posted.Field("auth[domain]"));
        Assert.Equal("1", posted.Field("auth[user_id]"));
        Assert.Equal(200, outcome.Delivery!.StatusCode);
        Assert.Equal("ok", outcome.Delivery.ResponseBody);

        // The tokens of the event are real: the app can call the portal with them.
        h.Tokens = h.Tokens with { AccessToken = posted.Field("auth[access_token]")! };
        Assert.Equal(200, (await h.GetAsync("app.info")).Status);
    }

    [Fact]
    public async Task ClickToCall_RegistersTheCallThenPostsOnExternalCallStart()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostFormAsync("event.bind", ("event", "onExternalCallStart"), ("handler", receiver.Url("events").AbsoluteUri));
        await h.PostFormAsync("telephony.externalline.add", ("NUMBER", "4930100"), ("NAME", "Berlin"));

        var outcome = await h.Server.Admin.ClickToCallAsync(EmulatorHarness.Domain, new ClickToCallRequest(11, EmulatorHarness.ContactPhone) { CallListId = 7, LineNumber = "4930100" });
        var posted = await receiver.NextAsync("ONEXTERNALCALLSTART");

        Assert.Equal(
            ["event", "event_handler_id", "data[PHONE_NUMBER]", "data[PHONE_NUMBER_INTERNATIONAL]", "data[EXTENSION]", "data[USER_ID]",
             "data[CALL_LIST_ID]", "data[LINE_NUMBER]", "data[IS_MOBILE]", "data[CALL_ID]", "data[CRM_ENTITY_TYPE]", "data[CRM_ENTITY_ID]", "ts", .. UserAuth],
            posted.FieldNames);
        Assert.Equal("ONEXTERNALCALLSTART", posted.Field("event"));
        Assert.Equal(EmulatorHarness.ContactPhone, posted.Field("data[PHONE_NUMBER]"));
        Assert.Equal("+49301234567", posted.Field("data[PHONE_NUMBER_INTERNATIONAL]"));
        Assert.Equal(("11", "7", "4930100", "0"), (posted.Field("data[USER_ID]"), posted.Field("data[CALL_LIST_ID]"), posted.Field("data[LINE_NUMBER]"), posted.Field("data[IS_MOBILE]")));
        Assert.Equal(("CONTACT", "797"), (posted.Field("data[CRM_ENTITY_TYPE]"), posted.Field("data[CRM_ENTITY_ID]")));
        Assert.Equal("11", posted.Field("auth[user_id]"));
        Assert.Equal(outcome.CallId, posted.Field("data[CALL_ID]"));

        // Bitrix24 registered it as an outgoing call before sending; the hub finishes that same CALL_ID.
        var call = h.Portal.Snapshot.ActiveCall(outcome.CallId)!;
        Assert.Equal((CallType.Outgoing, 7, ClickToCall.Cause), (call.Type, call.CallListId, call.RegisteredBy));
        var finish = await h.PostFormAsync("telephony.externalcall.finish", ("CALL_ID", outcome.CallId), ("USER_ID", "11"), ("DURATION", "30"));
        Assert.Equal(200, finish.Status);
        Assert.Equal(7, h.Portal.Snapshot.Finished(outcome.CallId)!.CallListId);
    }

    [Fact]
    public async Task ClickToCallLikeOlderPortals_LeavesCallIdOut()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostFormAsync("event.bind", ("event", "ONEXTERNALCALLSTART"), ("handler", receiver.Url("events").AbsoluteUri));

        await h.Server.Admin.ClickToCallAsync(EmulatorHarness.Domain, new ClickToCallRequest(24, "+4989000111") { OmitCallId = true });
        var posted = await receiver.NextAsync("ONEXTERNALCALLSTART without CALL_ID");

        Assert.DoesNotContain("data[CALL_ID]", posted.FieldNames);
        Assert.Equal("", posted.Field("data[LINE_NUMBER]"));
        Assert.Equal("LEAD", posted.Field("data[CRM_ENTITY_TYPE]"));
        Assert.Equal("LEAD", posted.Field("data[CRM_CREATED_ENTITIES][0][ENTITY_TYPE]"));
    }

    [Fact]
    public async Task CallbackForm_PostsOnExternalCallbackStartWithoutUserTokens()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostFormAsync("event.bind", ("event", "ONEXTERNALCALLBACKSTART"), ("handler", receiver.Url("events").AbsoluteUri));

        await h.Server.Admin.SubmitCallbackFormAsync(EmulatorHarness.Domain, new CallbackRequest("+4930999") { Text = "Call the customer", CrmEntityType = "LEAD", CrmEntityId = 5 });
        var posted = await receiver.NextAsync("ONEXTERNALCALLBACKSTART");

        Assert.Equal(
            ["event", "event_handler_id", "data[PHONE_NUMBER]", "data[TEXT]", "data[VOICE]", "data[CRM_ENTITY_TYPE]", "data[CRM_ENTITY_ID]", "data[LINE_NUMBER]", "ts",
             "auth[scope]", "auth[domain]", "auth[server_endpoint]", "auth[status]", "auth[client_endpoint]", "auth[member_id]", "auth[application_token]"],
            posted.FieldNames);
    }

    [Fact]
    public async Task Uninstall_PostsOnAppUninstallAndDeletesLinesAndHandlers()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostFormAsync("event.bind", ("event", "ONAPPUNINSTALL"), ("handler", receiver.Url("uninstall").AbsoluteUri));
        await h.PostFormAsync("telephony.externalline.add", ("NUMBER", "4930100"));

        await h.Server.Admin.UninstallAppAsync(EmulatorHarness.Domain, EmulatorHarness.ClientId, clean: true);
        var posted = await receiver.NextAsync("ONAPPUNINSTALL");

        Assert.Equal(
            ["event", "event_handler_id", "data[LANGUAGE_ID]", "data[CLEAN]", "ts",
             "auth[domain]", "auth[server_endpoint]", "auth[client_endpoint]", "auth[member_id]", "auth[application_token]"],
            posted.FieldNames);
        Assert.Equal("1", posted.Field("data[CLEAN]"));
        Assert.Empty(h.Portal.Snapshot.Lines);
        Assert.Empty(h.Portal.Snapshot.EventBindings);
    }

    [Fact]
    public async Task UnreachableHandler_IsNotRetried()
    {
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostFormAsync("event.bind", ("event", "ONEXTERNALCALLSTART"), ("handler", "http://127.0.0.1:9/closed"));

        var outcome = await h.Server.Admin.ClickToCallAsync(EmulatorHarness.Domain, new ClickToCallRequest(11, "+4940111222"));

        Assert.Null(Assert.Single(outcome.Deliveries).StatusCode);
        Assert.Single(h.Portal.Snapshot.EventDeliveries);
    }

    [Fact]
    public async Task EventBind_ThenGetAndUnbind_RoundTrip()
    {
        // Reference §4.6.
        await using var h = await EmulatorHarness.StartAsync();
        await h.PostFormAsync("event.bind", ("event", "ONEXTERNALCALLSTART"), ("handler", "http://127.0.0.1:1/a"));

        var duplicate = await h.PostFormAsync("event.bind", ("event", "ONEXTERNALCALLSTART"), ("handler", "http://127.0.0.1:1/a"));
        var unknown = await h.PostFormAsync("event.bind", ("event", "ONNOTHING"), ("handler", "http://127.0.0.1:1/a"));
        var listed = await h.GetAsync("event.get");
        var unbound = await h.PostFormAsync("event.unbind", ("event", "ONEXTERNALCALLSTART"), ("handler", "http://127.0.0.1:1/a"));

        Assert.Equal(400, duplicate.Status);
        Assert.Equal("ERROR_EVENT_NOT_FOUND", unknown.Error);
        Assert.Equal("ONEXTERNALCALLSTART", listed.Result![0]!["event"]!.GetValue<string>());
        Assert.Equal("0", listed.Result[0]!["auth_type"]!.GetValue<string>());
        Assert.Equal(1, unbound.Result!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task InstallAsAUserWhoIsNotAnAdmin_IsRefused_AndNoOnAppInstallIsPosted()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        await using var h = await EmulatorHarness.StartAsync(installHandler: receiver.Url("install"), install: false);

        var error = await Assert.ThrowsAsync<PortalEmulatorAdminException>(() =>
            h.Server.Admin.InstallAppAsync(EmulatorHarness.Domain, EmulatorHarness.ClientId, new InstallRequest(UserId: 11)));

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.Status);
        Assert.Contains("Only an active admin", error.Message, StringComparison.Ordinal);
        Assert.Null(h.Portal.Snapshot.Installation(EmulatorHarness.ClientId));
        Assert.Empty(h.Portal.Snapshot.EventDeliveries);
    }

    [Fact]
    public async Task InstallOfUnknownApp_IsAnAdminError()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var error = await Assert.ThrowsAsync<PortalEmulatorAdminException>(() => h.Server.Admin.InstallAppAsync(EmulatorHarness.Domain, "app.nope"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Status);
    }
}
