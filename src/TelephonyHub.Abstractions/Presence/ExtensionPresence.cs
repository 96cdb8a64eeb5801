namespace TelephonyHub.Abstractions.Presence;

/// <summary>The last reported state of one extension.</summary>
[GenerateSerializer, Immutable, Alias("extension-presence-v1")]
public sealed record ExtensionPresence(
    [property: Id(0)] ExtensionState State,
    [property: Id(1)] DateTimeOffset Since,
    [property: Id(2)] string EventId);
