using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Events;

/// <summary><c>event.bind</c> (reference §4.6): subscribes <paramref name="Handler"/> to an event; the result is true.</summary>
/// <param name="Event">The event code, e.g. <c>ONEXTERNALCALLSTART</c> (<c>event</c>).</param>
/// <param name="Handler">The public HTTPS handler URL (<c>handler</c>).</param>
/// <param name="AuthType">The user whose token events carry (<c>auth_type</c>); null = the user who triggered the event.</param>
/// <param name="EventType"><c>online</c> (default) or <c>offline</c> (<c>event_type</c>, admin only).</param>
[GenerateSerializer, Immutable, Alias("b24-bind-event-v1")]
public sealed record BindEvent(
    [property: Id(0)] string Event,
    [property: Id(1)] Uri Handler,
    [property: Id(2)] long? AuthType = null,
    [property: Id(3)] string? EventType = null) : Bitrix24Request<bool>
{
    /// <inheritdoc />
    public override string Method => "event.bind";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters
        .Add("event", Event)
        .Add("handler", Handler.AbsoluteUri)
        .Add("auth_type", AuthType)
        .Add("event_type", EventType);

    /// <inheritdoc />
    public override bool ParseResult(Bitrix24RawResult raw) => raw.Result.AsBool() ?? true;
}
