using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>
/// The state change of finish (reference §5.0 step 3, §5.3): a statistics row, a CRM activity, the card hidden
/// for the finishing user only, the active row deleted, auto-created CRM entities handed to the finishing user.
/// </summary>
public static class CallFinishing
{
    /// <summary>Finishes an active call; the caller has checked that it exists.</summary>
    public static (PortalSnapshot Next, CallRecord Record) Finish(PortalSnapshot s, ActiveCall call, FinishCommand command, DateTimeOffset now, string cause)
    {
        var rowId = s.LastRowId + 1;
        var activityId = call.CrmEntityType is null ? (int?)null : rowId + 1;
        var record = new CallRecord
        {
            Id = rowId,
            CallId = call.CallId,
            ExternalCallId = call.ExternalCallId,
            UserId = command.UserId,
            RegisteredUserId = call.UserId,
            PhoneNumber = call.PhoneNumber,
            PortalNumber = call.PortalNumber,
            Type = call.Type,
            CallStartDate = call.CallStartDate,
            Duration = command.Duration,
            CallStatus = command.Duration > 0 ? 1 : 0,
            StatusCode = command.StatusCode ?? (command.Duration > 0 ? "200" : "304"),
            FailedReason = command.FailedReason,
            Cost = command.Cost,
            CostCurrency = command.CostCurrency,
            Vote = command.Vote,
            AddToChat = command.AddToChat,
            CrmEntityType = call.CrmEntityType,
            CrmEntityId = call.CrmEntityId,
            CrmActivityId = activityId,
            CallListId = call.CallListId,
            ClientId = command.ClientId,
            FinishedAt = now,
            RecordUrl = command.RecordUrl,
        };
        var crm = s.Crm;
        if (call.CreatedLeadId is { } leadId && s.CrmEntity(CrmEntityType.Lead, leadId) is { } lead)
        {
            crm = crm.Replace(lead, lead with { AssignedById = command.UserId });
        }

        var next = s with
        {
            ActiveCalls = s.ActiveCalls.Remove(call),
            CallLog = s.CallLog.Add(record),
            Crm = crm,
            LastRowId = activityId ?? rowId,
        };
        return (CardBoard.Hide(next, [command.UserId], call.CallId, now, cause), record);
    }
}
