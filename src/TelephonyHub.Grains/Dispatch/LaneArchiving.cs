namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// Moves finished lanes out of the dispatch state into the <see cref="FinishedLaneArchive"/> once enough of them
/// gather, and brings one back when a request for it arrives (a late recording, an outbox replayed after a crash).
/// A quiet portal never reaches the threshold and keeps its few finished lanes inline, so it pays no extra write; a
/// busy one writes the archive once per <see cref="DispatchOptions.FinishedLanesKeptInline"/> finished calls instead
/// of carrying every finished lane in each of its writes.
/// </summary>
public static class LaneArchiving
{
    /// <summary>The finished lanes to archive now, or none while fewer than the threshold have gathered.</summary>
    public static ImmutableDictionary<string, DispatchLane> Due(DispatchState state, DispatchOptions options)
    {
        if (state.Lanes.Count < options.FinishedLanesKeptInline)
        {
            return ImmutableDictionary<string, DispatchLane>.Empty; // the common case, after every send: nothing to look at
        }

        var busy = state.LanesWithQueuedRequests();
        var finished = state.Lanes.Where(l => l.Value.Finished && !busy.Contains(l.Key)).ToList();
        return finished.Count < options.FinishedLanesKeptInline
            ? ImmutableDictionary<string, DispatchLane>.Empty
            : finished.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>The archive with <paramref name="moved"/> added and lanes past their retention dropped.</summary>
    public static FinishedLaneArchive Add(FinishedLaneArchive archive, ImmutableDictionary<string, DispatchLane> moved, DateTimeOffset now, DispatchOptions options)
    {
        var lanes = archive.Lanes.SetItems(moved);
        var stale = lanes.Where(l => now - l.Value.LastActivity > options.FinishedLaneRetention).Select(l => l.Key).ToList();
        return new FinishedLaneArchive { Lanes = lanes.RemoveRange(stale) };
    }

    /// <summary>
    /// The state without the archived lanes, except those that changed meanwhile (a request arrived for one while the
    /// archive was being stored): those stay, with their change.
    /// </summary>
    public static DispatchState Forget(DispatchState state, ImmutableDictionary<string, DispatchLane> archived)
    {
        var unchanged = archived.Where(a => state.Lanes.TryGetValue(a.Key, out var lane) && ReferenceEquals(lane, a.Value)).Select(a => a.Key).ToList();
        return unchanged.Count == 0 ? state : state with { Lanes = state.Lanes.RemoveRange(unchanged) };
    }
}
