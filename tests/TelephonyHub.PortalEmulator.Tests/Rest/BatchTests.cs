namespace TelephonyHub.PortalEmulator.Tests.Rest;

/// <summary>Reference §1.6 (batch: references, halt, ≤ 50 commands, nested batch) and §9 item 11.</summary>
public sealed class BatchTests
{
    [Fact]
    public async Task Batch_SubstitutesEarlierResultsIntoLaterCommands()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync(
            "batch",
            ("cmd[reg]", "telephony.externalcall.register?USER_ID=11&PHONE_NUMBER=%2B4940111222&TYPE=2&SHOW=0"),
            ("cmd[show]", "telephony.externalcall.show?CALL_ID=$result[reg][CALL_ID]&USER_ID[0]=24"));

        Assert.Equal(200, reply.Status);
        var callId = reply.Result!["result"]!["reg"]!["CALL_ID"]!.GetValue<string>();
        Assert.True(reply.Result["result"]!["show"]!.GetValue<bool>());
        Assert.Equal("[]", reply.Result["result_error"]!.ToJsonString());
        Assert.Equal("[]", reply.Result["result_next"]!.ToJsonString());
        Assert.Equal([callId], h.Portal.Snapshot.CardsOf(24));
    }

    [Fact]
    public async Task Batch_IsOneHttpRequestWithItsCommandsLoggedAfterIt()
    {
        await using var h = await EmulatorHarness.StartAsync();

        await h.PostFormAsync("batch", ("cmd[0]", "user.get?ID=1"), ("cmd[1]", "profile"));

        var log = h.Portal.Snapshot.Requests;
        Assert.Equal(["batch", "user.get", "profile"], log.Select(r => r.Method));
        Assert.Single(log, r => r.IsHttpRequest);
        Assert.All(log.Skip(1), r => Assert.Equal(log[0].Sequence, r.BatchSequence));
        Assert.Equal("1", log[1].Parameter("ID"));
    }

    [Fact]
    public async Task BatchWithHalt_StopsAtTheFirstFailure()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostJsonAsync("batch", new JsonObject
        {
            ["halt"] = 1,
            ["cmd"] = new JsonObject
            {
                ["bad"] = "telephony.externalcall.finish?CALL_ID=externalCall.x.1&USER_ID=11",
                ["never"] = "profile",
            },
        });

        Assert.Equal(200, reply.Status);
        Assert.Equal("[]", reply.Result!["result"]!.ToJsonString());
        Assert.Equal("", reply.Result["result_error"]!["bad"]!["error"]!.GetValue<string>());
        Assert.Empty(h.Portal.Snapshot.RequestsFor("profile"));
    }

    [Fact]
    public async Task BatchWithoutHalt_RunsEveryCommand()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("batch", ("cmd[bad]", "crm.contact.get?id=999"), ("cmd[good]", "crm.contact.get?id=797"));

        Assert.Equal("Not found", reply.Result!["result_error"]!["bad"]!["error_description"]!.GetValue<string>());
        Assert.Equal("797", reply.Result["result"]!["good"]!["ID"]!.GetValue<string>());
    }

    [Fact]
    public async Task BatchOfFiftyOne_IsRefused()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("batch", [.. Enumerable.Range(0, 51).Select(i => ($"cmd[{i}]", "profile"))]);

        Assert.Equal(400, reply.Status);
        Assert.Equal("ERROR_BATCH_LENGTH_EXCEEDED", reply.Error);
    }

    [Fact]
    public async Task NestedBatch_FailsInsideTheBatch()
    {
        await using var h = await EmulatorHarness.StartAsync();

        var reply = await h.PostFormAsync("batch", ("cmd[inner]", "batch?cmd[0]=profile"));

        Assert.Equal("ERROR_BATCH_METHOD_NOT_ALLOWED", reply.Result!["result_error"]!["inner"]!["error"]!.GetValue<string>());
    }
}
