using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// A queued request ready to go: its <c>CALL_ID</c> filled in from its lane, and maybe later card requests of the same
/// lane folded into it (<see cref="Merged"/>): their outcome is its outcome.
/// </summary>
public sealed record PreparedRequest(QueuedRequest Item, Bitrix24Request Request)
{
    /// <summary>Later requests of the lane this one carries too (consecutive shows or hides, users united).</summary>
    public ImmutableArray<QueuedRequest> Merged { get; init; } = [];

    /// <summary>Every queued request this one sends: <see cref="Item"/>, then <see cref="Merged"/>.</summary>
    public IEnumerable<QueuedRequest> Items => Merged.Prepend(Item);
}
