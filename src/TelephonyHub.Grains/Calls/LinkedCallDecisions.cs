using TelephonyHub.Abstractions.ClickToCall;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// How a call starts when the PBX placed it for a click (scenario 4): the Bitrix24 call exists already — registered by
/// the portal, or by the click for older portals and callbacks — so the call takes that <c>CALL_ID</c> and never
/// registers (reference §4.5). Its finish then lands on the same Bitrix24 call and its call list, with the status and
/// duration the PBX reports. Everything after the start is the ordinary <see cref="CallDecisions"/>.
/// </summary>
public static class LinkedCallDecisions
{
    public static CallTransition OnStarted(CallState state, CallStarted evt, CallStartContext context, ClickToCallLink link)
    {
        if (state.Phase != CallPhase.None)
        {
            return CallTransition.Rejected(state, EventRejection.FailedPrecondition,
                $"The call was already started (phase {state.Phase}); a second CallStarted with another event id is refused.");
        }

        // The clicking user (or the callback's operator) has the card open: the call belongs to them until somebody
        // else answers, and no show is needed.
        return CallTransition.Applied(state with
        {
            Phase = CallPhase.Started,
            Direction = evt.Direction,
            CustomerNumber = context.CustomerNumber,
            LineNumber = evt.LineNumber,
            Extension = evt.Extension,
            StartedAt = evt.OccurredAt,
            RegisteredUserId = link.UserId,
            CardHolders = [link.UserId],
            Policy = context.Policy,
            Bitrix24CallId = link.Bitrix24CallId,
            ClickKey = link.ClickKey,
            CallListId = link.CallListId,
        });
    }
}
