namespace TelephonyHub.Abstractions.Calls;

/// <summary>
/// One call on one portal (key: <see cref="CallKey.For"/>): its state machine from the PBX's first event to the
/// Bitrix24 finish and recording. Events are applied at most once each (by event id), in the order they arrive.
/// </summary>
public interface ICallGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a PBX event and answers for the PBX: applied, duplicate, ignored (valid but out of date), or rejected
    /// (nothing changed). Once this returns Applied, the event's effects are stored and will happen.
    /// </summary>
    Task<EventOutcome> ApplyAsync(CallEvent evt);

    /// <summary>
    /// The call's Bitrix24 <c>CALL_ID</c> once <c>register</c> returned it, else null. Interleaves: it only reads, and
    /// the call's recording grain asks while the call may itself be waiting on that grain.
    /// </summary>
    [AlwaysInterleave]
    Task<string?> GetBitrix24CallIdAsync();
}
