using System.Net.Http.Headers;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Tests.Rest;

/// <summary>Reference §1.1 (endpoints, case-insensitive methods) and §1.2 (query, PHP brackets, multipart, JSON).</summary>
public sealed class ParameterEncodingTests
{
    [Fact]
    public async Task Show_WithUserIdsInQueryBrackets_ShowsCardToEachUser()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync(("SHOW", "0"));

        var reply = await h.GetAsync("telephony.externalCall.show.json", $"CALL_ID={callId}&USER_ID%5B0%5D=11&USER_ID[1]=24");

        Assert.Equal(200, reply.Status);
        Assert.True(reply.Result!.GetValue<bool>());
        Assert.Equal([11, 24], h.Portal.Snapshot.Cards.Select(c => c.UserId).Order());
        var logged = h.Portal.Snapshot.RequestsFor("telephony.externalcall.show").Single();
        Assert.Equal("telephony.externalCall.show.json", logged.MethodAsSent);
        Assert.Equal(RequestEncoding.Query, logged.Encoding);
        Assert.Equal("24", logged.Parameter("USER_ID[1]"));
        Assert.Equal(ParameterParser.Redacted, logged.Parameter("auth"));
    }

    [Fact]
    public async Task Register_WithFormBody_ReadsTheFieldsAndAuthFromTheForm()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("TELEPHONY.EXTERNALCALL.REGISTER", ("USER_ID", "24"), ("PHONE_NUMBER", "+49 40 111-222"), ("TYPE", "2"));

        Assert.Equal(200, reply.Status);
        var call = h.Portal.Snapshot.ActiveCalls.Single();
        Assert.Equal(24, call.UserId);
        Assert.Equal("+4940111222", call.PhoneNumber);
        Assert.Equal(RequestEncoding.Form, h.Portal.Snapshot.Requests.Single().Encoding);
    }

    [Fact]
    public async Task Hide_WithMultipartBody_ReadsBracketListAndAuth()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync(("SHOW", "0"));
        await h.GetAsync("telephony.externalcall.show", $"CALL_ID={callId}&USER_ID[]=11&USER_ID[]=24");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(callId), "CALL_ID" },
            { new StringContent("24"), "USER_ID[0]" },
            { new StringContent(h.Tokens.AccessToken), "auth" },
        };

        var reply = await h.SendAsync(new HttpRequestMessage(HttpMethod.Post, h.Url("telephony.externalcall.hide", "")) { Content = form });

        Assert.True(reply.Result!.GetValue<bool>(), reply.ToString());
        Assert.Equal([11], h.Portal.Snapshot.Cards.Select(c => c.UserId));
        Assert.Equal(RequestEncoding.Multipart, h.Portal.Snapshot.Requests[^1].Encoding);
    }

    [Fact]
    public async Task Show_WithJsonBody_AcceptsUserIdArrayAndAuthKey()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var callId = await h.RegisterAsync(("SHOW", "0"));

        var reply = await h.PostJsonAsync("telephony.externalcall.show", new JsonObject { ["CALL_ID"] = callId, ["USER_ID"] = new JsonArray(11, 24) });

        Assert.True(reply.Result!.GetValue<bool>(), reply.ToString());
        Assert.Equal(2, h.Portal.Snapshot.Cards.Count);
        var logged = h.Portal.Snapshot.Requests[^1];
        Assert.Equal(RequestEncoding.Json, logged.Encoding);
        Assert.Equal("24", logged.Parameter("USER_ID[1]"));
        Assert.DoesNotContain(h.Tokens.AccessToken, logged.JsonBody!);
    }

    [Fact]
    public async Task Finish_WithNumericCallIdInJson_AnswersInvalidArgument()
    {
        // Reference §5.3: CALL_ID must be a string; a JSON number is refused.
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostJsonAsync("telephony.externalcall.finish", new JsonObject { ["CALL_ID"] = 42, ["USER_ID"] = 11 });

        Assert.Equal(400, reply.Status);
        Assert.Equal("INVALID_ARGUMENT", reply.Error);
        Assert.Equal("CALL_ID must be a string", reply.Description);
    }

    [Fact]
    public async Task GlobalRestPath_ResolvesThePortalFromTheToken()
    {
        // The OAuth server's /rest/ (server_endpoint) finds the portal by the token alone (reference §3.5).
        await using var h = await EmulatorHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(h.Server.BaseUri, $"rest/app.info?auth={h.Tokens.AccessToken}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var reply = await h.SendAsync(request);

        Assert.Equal(200, reply.Status);
        Assert.Equal("project", reply.Result!["LICENSE_FAMILY"]!.GetValue<string>());
        Assert.True(reply.Result["INSTALLED"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UnknownMethod_AnswersMethodNotFound()
    {
        // Reference §9 item 1.
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.GetAsync("telephony.externalcall.teleport");

        Assert.Equal(404, reply.Status);
        Assert.Equal("ERROR_METHOD_NOT_FOUND", reply.Error);
        Assert.Equal("Method not found!", reply.Description);
    }
}
