using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Portals;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary>The state change of register (reference §5.1): line, de-duplication, CRM binding, active call, card.</summary>
public static class CallRegistration
{
    /// <summary>The de-duplication window (reference §2.3).</summary>
    public static readonly TimeSpan DeduplicationWindow = TimeSpan.FromMinutes(30);

    /// <summary>Registers a call, or returns the active call matching the de-duplication key.</summary>
    public static (PortalSnapshot Next, RegisterOutcome Outcome) Register(PortalSnapshot s, RegisterCommand command, DateTimeOffset now)
    {
        s = ExternalLines.Ensure(s, command.ClientId, command.LineNumber);
        if (FindDuplicate(s, command, now) is { } existing)
        {
            var shown = command.Show ? CardBoard.Show(s, [command.UserId], existing.CallId, now, command.Cause) : s;
            return (shown, new RegisterOutcome(existing.CallId, true, existing.CrmEntityType, existing.CrmEntityId, null));
        }

        var callId = CallIds.New(now);
        var (withCrm, type, id, createdLead) = BindCrm(s, command, callId);
        var call = new ActiveCall
        {
            CallId = callId,
            ExternalCallId = command.ExternalCallId,
            ClientId = command.ClientId,
            UserId = command.UserId,
            PhoneNumber = command.PhoneNumber,
            Type = command.Type,
            LineNumber = command.LineNumber,
            PortalNumber = command.LineNumber ?? $"REST_APP:{command.AppId}",
            RegisteredAt = now,
            CallStartDate = command.CallStartDate ?? now,
            CrmEntityType = type,
            CrmEntityId = id,
            CreatedLeadId = createdLead,
            CallListId = command.CallListId,
            RegisteredBy = command.Cause,
        };
        var next = withCrm with { ActiveCalls = withCrm.ActiveCalls.Add(call) };
        if (command.Show)
        {
            next = CardBoard.Show(next, [command.UserId], callId, now, command.Cause);
        }

        return (next, new RegisterOutcome(callId, false, type, id, createdLead));
    }

    // Key: app + user + digits + type, plus line and external id when given; only active calls of the last 30 min.
    private static ActiveCall? FindDuplicate(PortalSnapshot s, RegisterCommand c, DateTimeOffset now) =>
        s.ActiveCalls.Find(a =>
            a.ClientId == c.ClientId
            && a.UserId == c.UserId
            && a.Type == c.Type
            && PhoneDigits.Of(a.PhoneNumber) == PhoneDigits.Of(c.PhoneNumber)
            && a.RegisteredAt > now - DeduplicationWindow
            && (c.LineNumber is null || a.LineNumber == c.LineNumber)
            && (c.ExternalCallId is null || a.ExternalCallId == c.ExternalCallId));

    private static (PortalSnapshot, CrmEntityType?, int?, int?) BindCrm(PortalSnapshot s, RegisterCommand c, string callId)
    {
        if (c.CrmEntityType is { } forcedType && c.CrmEntityId > 0)
        {
            return (s, forcedType, c.CrmEntityId, null);
        }

        // A number that is some user's extension is an internal call: no CRM search, no lead (reference §5.1).
        if (s.Users.Exists(u => u.Active && PhoneDigits.Same(u.Extension, c.PhoneNumber)))
        {
            return (s, null, null, null);
        }

        if (CrmStore.FindByPhone(s.Crm, c.PhoneNumber) is [var primary, ..])
        {
            return (s, primary.Type, primary.Id, null);
        }

        if (!c.CrmCreate)
        {
            return (s, null, null, null);
        }

        var direction = c.Type == CallType.Outgoing ? "Outgoing" : "Incoming";
        var (crm, lead) = CrmStore.Add(s.Crm, new CrmEntity(CrmEntityType.Lead, 0)
        {
            Title = $"{direction} call {c.PhoneNumber}",
            AssignedById = c.UserId,
            Phones = [new CrmPhone(c.PhoneNumber)],
            SourceId = c.CrmSource ?? "CALL",
            CreatedByCallId = callId,
        });
        return (s with { Crm = crm }, CrmEntityType.Lead, lead.Id, lead.Id);
    }
}
