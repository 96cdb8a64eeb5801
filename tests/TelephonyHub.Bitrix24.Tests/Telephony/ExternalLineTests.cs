using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.Telephony;

public sealed class ExternalLineTests
{
    [Fact]
    public async Task Lines_AreAddedListedUpdatedAndDeleted()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerByMethod(new Dictionary<string, Reply>
        {
            ["telephony.externalLine.add"] = Reply.Ok("""{"result":{"ID":7}}"""),
            ["telephony.externalLine.get"] = Reply.Ok(RecordedResponses.LineGet),
            ["telephony.externalLine.update"] = Reply.Ok("""{"result":{"ID":"7"}}"""),
            ["telephony.externalLine.delete"] = Reply.Ok("""{"result":[]}"""),
        });
        var connection = new Bitrix24Connection(portal.ClientEndpoint, "token");

        var added = await host.Rest.CallAsync(connection, new AddExternalLine("+4930555000", "Berlin office", CrmAutoCreate: true), CancellationToken.None);
        var lines = await host.Rest.CallAsync(connection, new GetExternalLines(), CancellationToken.None);
        var updated = await host.Rest.CallAsync(connection, new UpdateExternalLine("+4930555000", CrmAutoCreate: false), CancellationToken.None);
        var deleted = await host.Rest.CallAsync(connection, new DeleteExternalLine("+4930555000"), CancellationToken.None);

        Assert.Equal(7, added.Value);
        Assert.Equal("NUMBER=%2B4930555000&NAME=Berlin%20office&CRM_AUTO_CREATE=Y&auth=token", portal.Received[0].Body);
        Assert.Equal(
            [new ExternalLine("+4930555000", "Berlin office", true), new ExternalLine("7", null, false)],
            lines.Value.ToArray());
        Assert.Equal(7, updated.Value);
        Assert.Equal("N", portal.Received[2].Form.GetString("CRM_AUTO_CREATE"));
        Assert.Null(portal.Received[2].Form.GetString("NAME"));
        Assert.True(deleted.Value);
    }

    [Fact]
    public void CallStatusCodes_FollowTheReferenceTable()
    {
        Assert.Equal(13, CallStatusCode.All.Count);
        Assert.Equal("call cancelled", CallStatusCode.Describe(CallStatusCode.Cancelled));
        Assert.Equal(CallStatusCode.Busy, CallStatusCode.FromSip(486));
        Assert.Equal(CallStatusCode.Success, CallStatusCode.FromSip(202));
        Assert.Equal(CallStatusCode.Other, CallStatusCode.FromSip(488));
        Assert.False(CallStatusCode.IsKnown("999"));
    }
}
