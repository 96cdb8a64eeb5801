namespace TelephonyHub.Grains.Calls;

/// <summary>
/// The ids of events a call has applied. A call sees a few dozen events in its life; the bound only protects
/// storage from a PBX that never stops sending.
/// </summary>
public static class CallEventLedger
{
    public const int Capacity = 256;

    public static bool HasApplied(CallState state, string eventId) => state.AppliedEventIds.Contains(eventId);

    public static CallState Record(CallState state, string eventId)
    {
        var ids = state.AppliedEventIds.Add(eventId);
        return state with { AppliedEventIds = ids.Length > Capacity ? ids.RemoveRange(0, ids.Length - Capacity) : ids };
    }
}
