using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Adds requests to the queue, once each: a request id seen before (an outbox replayed after a crash) is skipped. A
/// request for an archived lane brings the lane back (<see cref="LaneArchiving"/>), with its CALL_ID and the ids it saw.
/// </summary>
public static class DispatchEnqueue
{
    private const int SeenPerLane = 64;
    private const int SeenUnlaned = 256;

    public static (DispatchState State, int Added) Add(
        DispatchState state, ImmutableArray<DispatchRequest> requests, DateTimeOffset now, FinishedLaneArchive? archive = null)
    {
        var added = 0;
        foreach (var request in requests)
        {
            if (request.Lane is { } key)
            {
                var lane = state.Lanes.GetValueOrDefault(key) ?? archive?.Lanes.GetValueOrDefault(key) ?? new DispatchLane { LastActivity = now };
                var seen = SeenForm(key, request.RequestId);
                // Lanes stored before the short form hold full ids: those still count.
                if (lane.SeenRequestIds.Contains(seen) || lane.SeenRequestIds.Contains(request.RequestId))
                {
                    continue;
                }

                lane = lane with { LastActivity = now, SeenRequestIds = Bounded(lane.SeenRequestIds.Add(seen), SeenPerLane) };
                state = state with { Lanes = state.Lanes.SetItem(key, lane) };
            }
            else
            {
                if (state.SeenUnlanedIds.Contains(request.RequestId))
                {
                    continue;
                }

                state = state with { SeenUnlanedIds = Bounded(state.SeenUnlanedIds.Add(request.RequestId), SeenUnlaned) };
            }

            state = state with
            {
                Queue = state.Queue.Add(new QueuedRequest { Request = request, Sequence = state.NextSequence, EnqueuedAt = now, NotBefore = now }),
                NextSequence = state.NextSequence + 1,
            };
            added++;
        }

        return (state, added);
    }

    /// <summary>
    /// How a lane remembers a request id: the part after the lane's key when the id starts with it (the call's and the
    /// click's requests are <c>{lane}#{effect}</c>), else the whole id. The lane key is in the dictionary already;
    /// repeating it in every id made most of the dispatch state, which is stored whole on every write (issue 10).
    /// The short form starts with '#', which no whole id does (they start with the key they were made from).
    /// </summary>
    public static string SeenForm(string laneKey, string requestId) =>
        requestId.Length > laneKey.Length && requestId[laneKey.Length] == '#' && requestId.StartsWith(laneKey, StringComparison.Ordinal)
            ? requestId[laneKey.Length..]
            : requestId;

    private static ImmutableArray<string> Bounded(ImmutableArray<string> ids, int capacity) =>
        ids.Length > capacity ? ids.RemoveRange(0, ids.Length - capacity) : ids;
}
