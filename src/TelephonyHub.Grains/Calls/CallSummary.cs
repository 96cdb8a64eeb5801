using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Phones;

namespace TelephonyHub.Grains.Calls;

/// <summary>A finished call, as the portal's "last calls" list shows it.</summary>
public static class CallSummary
{
    public static FinishedCallSummary Of(string pbxCallId, CallState state, CallEnding ending) => new()
    {
        PbxCallId = pbxCallId,
        Direction = state.Direction,
        MaskedNumber = PhoneNumberMask.Mask(state.CustomerNumber),
        UserId = ending.FinishingUserId,
        StatusCode = ending.StatusCode,
        DurationSeconds = ending.DurationSeconds,
        StartedAt = state.StartedAt,
        EndedAt = ending.EndedAt,
    };
}
