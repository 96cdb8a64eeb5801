using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Presence;

[GenerateSerializer, Alias("presence-state-v1")]
public sealed record PresenceState
{
    [Id(0)] public ImmutableDictionary<string, ExtensionPresence> Extensions { get; init; } =
        ImmutableDictionary<string, ExtensionPresence>.Empty;
}
