using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Queues;

/// <summary>One possible next step: these members, at this round and position.</summary>
/// <param name="Continues">True when the slot is what is left of the current step (a simultaneous ring that lost a
/// member): it keeps the current deadline instead of starting a new step.</param>
public sealed record QueueSlot(int Round, int Position, ImmutableArray<QueueMember> Members, bool Continues = false);
