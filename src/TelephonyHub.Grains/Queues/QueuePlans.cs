using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Queues;

/// <summary>The order in which a queue tries its members from a given point.</summary>
public static class QueuePlans
{
    /// <summary>
    /// Every slot after round <paramref name="round"/>, position <paramref name="position"/> (round 0: from the
    /// start). Sequential: each member alone, in order, round after round. Simultaneous: all members, once per round.
    /// </summary>
    public static ImmutableArray<QueueSlot> After(CallQueue queue, int round, int position)
    {
        var slots = ImmutableArray.CreateBuilder<QueueSlot>();
        if (queue.Members.IsDefaultOrEmpty)
        {
            return slots.ToImmutable();
        }

        if (queue.Mode == QueueMode.Simultaneous)
        {
            for (var r = round + 1; r <= queue.Rounds; r++)
            {
                slots.Add(new QueueSlot(r, 0, queue.Members));
            }

            return slots.ToImmutable();
        }

        for (var r = Math.Max(round, 1); r <= queue.Rounds; r++)
        {
            for (var p = r == round ? position + 1 : 0; p < queue.Members.Length; p++)
            {
                slots.Add(new QueueSlot(r, p, [queue.Members[p]]));
            }
        }

        return slots.ToImmutable();
    }
}
