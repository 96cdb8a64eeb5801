using System.Diagnostics;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.CrmRouting;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Turns a call's effects into Bitrix24 requests for the portal's dispatch. All requests of a call share one lane
/// (sent in order, the register's CALL_ID filling the rest); ids are the call key plus the effect id, so an effect
/// performed twice is sent once.
/// </summary>
public static class CallRequests
{
    /// <summary>The dispatch request for <paramref name="effect"/>; null for a recording the hub attaches itself
    /// (<see cref="RecordingHandOff"/>).</summary>
    public static DispatchRequest? For(string callKey, CallState state, CallEffect effect, GrainId replyTo) =>
        RecordingHandOff.IsHandedOff(state, effect) ? null : new()
        {
            RequestId = $"{callKey}#{effect.EffectId}",
            Lane = callKey,
            ReplyTo = replyTo,
            Priority = PriorityOf(effect),
            Request = RequestOf(state, effect),
            TraceParent = Activity.Current?.Id,
        };

    private static Bitrix24Request RequestOf(CallState state, CallEffect effect) => effect switch
    {
        RegisterCallEffect register => new RegisterExternalCall(
            UserId: register.UserId,
            PhoneNumber: register.CustomerNumber,
            Type: register.Direction == CallDirection.Inbound ? ExternalCallType.Incoming : ExternalCallType.Outgoing,
            CallStartDate: register.StartedAt,
            ExternalCallId: register.ExternalCallId,
            Show: register.ShowCard,
            LineNumber: register.LineNumber,
            // Only ever 1: without it Bitrix24 creates nothing (reference §5.1); whoever finishes owns the lead (§5.3).
            CrmCreate: register.Direction == CallDirection.Inbound && state.Policy?.CreateLeads == true ? true : null),
        ShowCardEffect show => new ShowExternalCall(state.Bitrix24CallId, show.UserIds),
        HideCardEffect hide => new HideExternalCall(state.Bitrix24CallId, hide.UserIds),
        FinishCallEffect finish => new FinishExternalCall(
            CallId: state.Bitrix24CallId,
            UserId: finish.Ending.FinishingUserId,
            DurationSeconds: finish.Ending.DurationSeconds,
            StatusCode: finish.Ending.StatusCode,
            AddToChat: finish.AddToChat,
            Cost: finish.Ending.Cost,
            CostCurrency: finish.Ending.CostCurrency,
            FailedReason: finish.Ending.FailedReason),
        CrmLookupEffect lookup => lookup.Request,
        // Only when the portal can reach the PBX's URL (reference §5.4 mode 1: Bitrix24 downloads it once, itself).
        AttachRecordingEffect { Recording.Url: { } url } attach => AttachExternalCallRecord.FromUrl(state.Bitrix24CallId, url, attach.Recording.FileName),
        _ => throw new InvalidOperationException($"No Bitrix24 request for {effect.GetType().Name}."),
    };

    private static DispatchPriority PriorityOf(CallEffect effect) => effect switch
    {
        // A ringing caller waits for the CRM lookup: it decides whose card pops up.
        RegisterCallEffect { ShowCard: true } or ShowCardEffect or HideCardEffect or CrmLookupEffect => DispatchPriority.LiveCard,
        _ => DispatchPriority.CallRecord,
    };
}
