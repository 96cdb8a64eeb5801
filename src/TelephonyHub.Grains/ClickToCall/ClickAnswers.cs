using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>What Bitrix24's answers to a click's own requests change: its register's, either way; a failure finish's, nothing.</summary>
public static class ClickAnswers
{
    /// <summary>The click's transition on <paramref name="result"/>; null when the answer changes nothing.</summary>
    public static ClickTransition? Of(ClickToCallState state, DispatchResult result, DateTimeOffset now, ClickToCallOptions options) => result switch
    {
        { Error: { } error, Request: RegisterExternalCall } => ClickToCallDecisions.OnRegisterFailed(state, $"{error.Code} {error.Description}".Trim()),
        { Error: null, Value: RegisterExternalCallResult registered } => ClickToCallDecisions.OnRegistered(state, registered.CallId, now, options),
        _ => null,
    };
}
