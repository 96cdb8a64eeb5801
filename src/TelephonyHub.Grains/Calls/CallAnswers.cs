using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.Calls;

/// <summary>What Bitrix24's answers to the call's own requests change for the call (a CRM lookup's are the CRM route's).</summary>
public static class CallAnswers
{
    /// <summary>
    /// The call with the <c>CALL_ID</c> <c>register</c> returned, when it did not know it yet; null otherwise. Kept for
    /// requests made after the dispatch forgot the lane (a recording hours later); until then the lane fills it in.
    /// </summary>
    public static CallState? Registered(CallState state, DispatchResult result) =>
        result is { Error: null, Value: RegisterExternalCallResult registered } && state.Bitrix24CallId is null
            ? state with { Bitrix24CallId = registered.CallId }
            : null;

    /// <summary>
    /// True when nothing more will happen to the call: it is finished, its outbox handed over, and this answers its
    /// finish — the last request a finished call makes itself (a recording's attach is its recording grain's).
    /// </summary>
    public static bool IsLast(CallState state, DispatchResult result) =>
        result.Error is null && state is { Phase: CallPhase.Finished, Outbox.IsEmpty: true } && result.Request is FinishExternalCall;
}
