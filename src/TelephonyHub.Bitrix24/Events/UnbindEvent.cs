using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Events;

/// <summary><c>event.unbind</c> (reference §4.6): removes handlers; the result is how many were deleted.</summary>
/// <param name="Event">The event code (<c>event</c>).</param>
/// <param name="Handler">The handler URL (<c>handler</c>).</param>
/// <param name="AuthType">The <c>auth_type</c> the handler was bound with; 0 or null = bound without one.</param>
/// <param name="EventType"><c>online</c> or <c>offline</c> (<c>event_type</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-unbind-event-v1")]
public sealed record UnbindEvent(
    [property: Id(0)] string Event,
    [property: Id(1)] Uri Handler,
    [property: Id(2)] long? AuthType = null,
    [property: Id(3)] string? EventType = null) : Bitrix24Request<long>
{
    /// <inheritdoc />
    public override string Method => "event.unbind";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters
        .Add("event", Event)
        .Add("handler", Handler.AbsoluteUri)
        .Add("auth_type", AuthType)
        .Add("event_type", EventType);

    /// <inheritdoc />
    public override long ParseResult(Bitrix24RawResult raw) => raw.Result.Long("count") ?? 0;
}
