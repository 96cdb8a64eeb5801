namespace TelephonyHub.Abstractions.Presence;

/// <summary>The PBX reported a new state for an extension. Only the newest report (by time) counts.</summary>
[GenerateSerializer, Immutable, Alias("extension-state-changed-v1")]
public sealed record ExtensionStateChanged(
    [property: Id(0)] string EventId,
    [property: Id(1)] DateTimeOffset OccurredAt,
    [property: Id(2)] string Extension,
    [property: Id(3)] ExtensionState State);
