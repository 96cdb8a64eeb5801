using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Presence;

[GenerateSerializer, Alias("presence-state-v1")]
public sealed record PresenceState
{
    [Id(0)] public ImmutableDictionary<string, ExtensionPresence> Extensions { get; init; } =
        ImmutableDictionary<string, ExtensionPresence>.Empty;

    /// <summary>Call key → the operators that call holds. Stored, so a restarted silo hands out nobody twice.</summary>
    [Id(1)] public ImmutableDictionary<string, OperatorEngagement> Engagements { get; init; } =
        ImmutableDictionary<string, OperatorEngagement>.Empty;

    /// <summary>Extension → the ids of its last reports (<see cref="ExtensionReports"/>), to know a resent one.</summary>
    [Id(2)] public ImmutableDictionary<string, ImmutableArray<string>> SeenEventIds { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty;
}
