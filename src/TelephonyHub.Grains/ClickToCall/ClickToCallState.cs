using TelephonyHub.Abstractions.ClickToCall;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>
/// A click: its phase plus what the phases need, stored with the effects still to perform (the outbox) so that a
/// call finished as failed stays finished, and a PBX call asking to be linked gets the same answer after a restart.
/// </summary>
[GenerateSerializer, Alias("click-to-call-state-v1")]
public sealed record ClickToCallState
{
    [Id(0)] public ClickPhase Phase { get; init; }

    /// <summary>The request as the event handler took it.</summary>
    [Id(1)] public DialRequest? Request { get; init; }

    /// <summary>The Bitrix24 <c>CALL_ID</c>: from the event, or from the hub's own register.</summary>
    [Id(2)] public string? Bitrix24CallId { get; init; }

    /// <summary>The user the Bitrix24 call belongs to: who clicked, or the operator chosen for a callback.</summary>
    [Id(3)] public long? UserId { get; init; }

    /// <summary>The extension the PBX rings first; null when the user has none (or no operator is free).</summary>
    [Id(4)] public string? Extension { get; init; }

    /// <summary>The number the PBX dials, E.164 when known.</summary>
    [Id(5)] public string? Number { get; init; }

    /// <summary><c>ADD_TO_CHAT</c> of a failure finish, from the portal's settings.</summary>
    [Id(6)] public bool AddToChat { get; init; }

    /// <summary>When the current wait gives up (PBX acknowledgement, or the PBX's report of the call).</summary>
    [Id(7)] public DateTimeOffset? Deadline { get; init; }

    /// <summary>The PBX call that took the Bitrix24 call over (phase <see cref="ClickPhase.Linked"/>).</summary>
    [Id(8)] public string? LinkedCallKey { get; init; }

    /// <summary>Why the call could not be placed (phases <see cref="ClickPhase.Failed"/>, <see cref="ClickPhase.Dropped"/>).</summary>
    [Id(9)] public ClickFailure? Failure { get; init; }

    /// <summary>Effects decided and stored but not yet confirmed performed.</summary>
    [Id(10)] public ImmutableArray<ClickEffect> Outbox { get; init; } = [];
}
