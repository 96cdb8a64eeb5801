using TelephonyHub.Bitrix24.Events;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Tests.Fakes;

namespace TelephonyHub.Bitrix24.Tests.Events;

public sealed class EventBindingTests
{
    [Fact]
    public async Task EventBindings_AreBoundListedAndUnbound()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerByMethod(new Dictionary<string, Reply>
        {
            ["event.bind"] = Reply.Ok("""{"result":true}"""),
            ["event.get"] = Reply.Ok(RecordedResponses.EventGet),
            ["event.unbind"] = Reply.Ok("""{"result":{"count":1}}"""),
        });
        var connection = new Bitrix24Connection(portal.ClientEndpoint, "token");
        var handler = new Uri("https://hub.example.com/bitrix24/events");

        var bound = await host.Rest.CallAsync(connection, new BindEvent(Bitrix24EventCodes.ExternalCallStart, handler), CancellationToken.None);
        var bindings = await host.Rest.CallAsync(connection, new GetEventBindings(), CancellationToken.None);
        var unbound = await host.Rest.CallAsync(connection, new UnbindEvent(Bitrix24EventCodes.ExternalCallStart, handler), CancellationToken.None);

        Assert.True(bound.Value);
        Assert.Equal("event=ONEXTERNALCALLSTART&handler=https%3A%2F%2Fhub.example.com%2Fbitrix24%2Fevents&auth=token", portal.Received[0].Body);
        Assert.Equal(new EventBinding("ONEXTERNALCALLSTART", handler.AbsoluteUri, null, false), Assert.Single(bindings.Value));
        Assert.Equal(1, unbound.Value);
    }

    [Fact]
    public async Task BindingAnUnknownEvent_IsAValidationError()
    {
        await using var portal = await LoopbackServer.StartAsync();
        using var host = ClientHost.Create();
        portal.AnswerAll(Reply.Error(400, "ERROR_EVENT_NOT_FOUND", "Event not found"));

        var outcome = await host.Rest.CallAsync(new(portal.ClientEndpoint, "token"),
            new BindEvent("ONNOTHING", new Uri("https://hub.example.com/e")), CancellationToken.None);

        Assert.Equal(Bitrix24ErrorKind.Validation, outcome.Error?.Kind);
    }
}
