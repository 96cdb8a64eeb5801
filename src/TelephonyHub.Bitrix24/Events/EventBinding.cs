namespace TelephonyHub.Bitrix24.Events;

/// <summary>One handler bound by this app (<c>event.get</c>, reference §4.6).</summary>
/// <param name="Event">The event code.</param>
/// <param name="Handler">The handler URL.</param>
/// <param name="AuthType">The user whose token events carry, or null.</param>
/// <param name="Offline">True for an offline event.</param>
[GenerateSerializer, Immutable, Alias("b24-event-binding-v1")]
public sealed record EventBinding(
    [property: Id(0)] string Event,
    [property: Id(1)] string Handler,
    [property: Id(2)] long? AuthType,
    [property: Id(3)] bool Offline);
