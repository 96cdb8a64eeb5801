using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.CrmRouting;

/// <summary>
/// An inbound call from a number the CRM knows goes to the responsible manager (scenario 3), as plain functions beside
/// <see cref="CallDecisions"/> and <see cref="QueueDecisions"/>.
/// </summary>
/// <remarks>
/// The request sequence, and why it is the cheapest correct one (reference §5.1, §5.6, §6.5):
/// <list type="number">
/// <item><c>telephony.externalCall.searchCrmEntities(PHONE_NUMBER)</c> first, before anything is registered: one
/// request names the caller's CRM record, its responsible user, that user's extension (<c>USER_PHONE_INNER</c>) and
/// workday state (<c>TIMEMAN_STATUS</c>). Registering first (<c>SHOW=0</c>) would also return the bound entity, but not
/// its responsible: a <c>crm.*.get</c> would follow for <c>ASSIGNED_BY_ID</c>, then a <c>show</c> for the card — two
/// more round trips while the caller waits, and still no extension or workday.</item>
/// <item>Only when the portal prefers open deals and the caller is a contact or company: <c>crm.deal.list</c> (open
/// deals of that contact/company, newest first, <c>ID</c> and <c>ASSIGNED_BY_ID</c> only — reference §6.4).</item>
/// <item>One <c>register</c>, to the user the call goes to: the manager with <c>SHOW=1</c> (their card pops up as the
/// PBX transfers the call — no separate <c>show</c>), or, falling back, the queue's first operator as a queued call
/// is registered. Bitrix24 binds the CRM record itself, and with <c>CRM_CREATE=1</c> creates a lead for an unknown
/// number; the binding stays whatever happens next, since the call is never registered again.</item>
/// <item><c>finish</c> for whoever answered (reference §5.3: they become responsible for a lead this call created).</item>
/// </list>
/// A known caller whose manager answers costs three requests (four with the open-deal rule); a call that falls back costs
/// the search plus what the queue costs anyway. Nothing is cached between calls: ownership, extensions and workdays
/// change, and a stale owner would send callers to the wrong person.
/// </remarks>
public static class CrmRoutingDecisions
{
    public const string SearchEffectId = "crm-lookup#0";
    public const string DealEffectId = "crm-lookup#1";
    public const string RegisterEffectId = "crm-route#0";
    public const string TransferEffectId = "crm-route#1";

    public static bool IsLookingUp(CallState state) => state.Crm is { Stage: CrmRouteStage.LookingUp or CrmRouteStage.LookingUpDeal };

    public static bool IsRingingManager(CallState state) => state.Crm is { Stage: CrmRouteStage.RingingManager };

    /// <summary>True for the Bitrix24 requests a routed call sends to learn the caller's manager.</summary>
    public static bool IsLookup(Bitrix24Request request) => request is SearchCrmEntities or ListDeals;

    /// <summary>
    /// An inbound call that names no extension, on a portal that routes by the CRM: started, not registered yet, and
    /// <c>searchCrmEntities</c> asked. Null when the call is not routed by the CRM (routing off, outbound, to an
    /// extension, no caller id, or already started).
    /// </summary>
    public static CallTransition? Begin(CallState state, CallStarted evt, CallStartContext context, CrmRoutingSettings settings, DateTimeOffset lookupDeadline)
    {
        if (!settings.Enabled || state.Phase != CallPhase.None || evt.Direction != CallDirection.Inbound
            || !string.IsNullOrEmpty(evt.Extension) || !context.CustomerNumber.Any(char.IsAsciiDigit))
        {
            return null;
        }

        var next = state with
        {
            Phase = CallPhase.Started,
            Direction = evt.Direction,
            CustomerNumber = context.CustomerNumber,
            LineNumber = evt.LineNumber,
            StartedAt = evt.OccurredAt,
            RegisteredUserId = context.Policy.FallbackUserId,
            CardHolders = [],
            Policy = context.Policy,
            Crm = new CrmRoute
            {
                Stage = CrmRouteStage.LookingUp,
                PbxCallId = context.ExternalCallId,
                Settings = settings,
                Deadline = lookupDeadline,
                PendingLookup = SearchEffectId,
            },
        };
        return CallTransition.Applied(next, new CrmLookupEffect { EffectId = SearchEffectId, Request = new SearchCrmEntities(context.CustomerNumber) });
    }

    /// <summary>
    /// A lookup answered: one more lookup (the open deal), the manager to route to, or a fallback. Null for an answer
    /// the call no longer waits for (it timed out, or the PBX moved on).
    /// </summary>
    public static CrmNextStep? OnLookupResult(CallState state, string effectId, DispatchResult result)
    {
        if (state.Crm is not { } route || !IsLookingUp(state) || route.PendingLookup != effectId)
        {
            return null;
        }

        if (route is { Stage: CrmRouteStage.LookingUpDeal, Match: { } match })
        {
            // The deal list failed (e.g. no crm scope): the contact's own responsible is still known and better than none.
            return CrmNextStep.Route(result.Value is CrmDealPage deals ? CrmOwners.FromOpenDeal(match, deals) : CrmOwners.FromMatch(match));
        }

        if (result.Error is not null || result.Value is not ImmutableArray<CrmEntitySearchResult> matches)
        {
            return CrmNextStep.FallBackBecause(CrmFallbackReason.LookupFailed);
        }

        if (CrmOwners.CallerOf(matches) is not { } caller)
        {
            return CrmNextStep.FallBackBecause(matches.IsDefaultOrEmpty ? CrmFallbackReason.UnknownNumber : CrmFallbackReason.NoResponsible);
        }

        if (!CrmOwners.NeedsOpenDeal(caller, route.Settings))
        {
            return CrmNextStep.Route(CrmOwners.FromMatch(caller));
        }

        return CrmNextStep.Apply(CallTransition.Applied(
            state with { Crm = route with { Stage = CrmRouteStage.LookingUpDeal, PendingLookup = DealEffectId, Match = caller } },
            new CrmLookupEffect { EffectId = DealEffectId, Request = CrmOwners.OpenDealQuery(caller) }));
    }

    /// <summary>
    /// The current wait ran out: a lookup Bitrix24 did not answer in time falls back to the queue (a deal lookup to the
    /// contact's own responsible), a manager who did not answer too. Null when no wait is due.
    /// </summary>
    public static CrmNextStep? OnDeadline(CallState state, DateTimeOffset now)
    {
        if (state.Crm is not { Deadline: { } deadline } route || now < deadline)
        {
            return null;
        }

        return route switch
        {
            { Stage: CrmRouteStage.LookingUp } => CrmNextStep.FallBackBecause(CrmFallbackReason.LookupTimedOut),
            { Stage: CrmRouteStage.LookingUpDeal, Match: { } match } => CrmNextStep.Route(CrmOwners.FromMatch(match)),
            { Stage: CrmRouteStage.RingingManager } => CrmNextStep.FallBackBecause(CrmFallbackReason.ManagerDidNotAnswer),
            _ => null,
        };
    }

    /// <summary>
    /// Presence reserved the manager: register the call to them with the card (<c>SHOW=1</c>) and tell the PBX to
    /// transfer it to their extension, both at once so the card pops up as the phone rings. The answer time starts now;
    /// the transfer must be acknowledged within <paramref name="acknowledgeWithin"/> (at most the answer time).
    /// </summary>
    public static CallTransition RingManager(CallState state, CrmOwner owner, QueueMember manager, DateTimeOffset now, TimeSpan acknowledgeWithin)
    {
        var route = state.Crm ?? throw new InvalidOperationException("Only a call routed by the CRM rings its manager.");
        var answerTime = route.Settings.ManagerAnswerTime;
        var next = state with
        {
            Phase = CallPhase.Ringing,
            RegisteredUserId = manager.UserId,
            CardHolders = [manager.UserId],
            Crm = route with
            {
                Stage = CrmRouteStage.RingingManager,
                Deadline = now + answerTime,
                PendingLookup = null,
                Match = null,
                Owner = owner,
                Manager = manager,
            },
        };
        return CallTransition.Applied(next,
            Register(state, RegisterEffectId, manager.UserId, showCard: true),
            new PbxCommandEffect
            {
                EffectId = TransferEffectId,
                Command = new TransferCallCommand(route.PbxCallId, manager.Extension),
                ExpiresAt = now + (acknowledgeWithin < answerTime ? acknowledgeWithin : answerTime),
            });
    }

    /// <summary>
    /// The line's queue as a falling-back call uses it: without the manager it already rang (they had their chance).
    /// </summary>
    public static CallQueue? QueueAfter(CallState state, CallQueue? queue) =>
        queue is not null && state.Crm is { Stage: CrmRouteStage.RingingManager, Manager: { } manager }
            ? queue with { Members = queue.Members.RemoveAll(m => m.UserId == manager.UserId) }
            : queue;

    /// <summary>
    /// The call does not go to (or stay with) the manager: it enters the line's queue (<paramref name="queue"/>, whose
    /// first offer presence answered with <paramref name="outcome"/>). A call not registered yet is registered the way a
    /// queued call is — to the first operator offered, with the card, or to the fallback user without one when nobody is
    /// free; a call registered to the manager keeps that registration, and so its CRM binding, and the queue only moves
    /// the cards. Without a queue the PBX keeps the call and cards follow what it rings; the manager's card goes unless
    /// their phone still rings (they only ran out of answer time).
    /// </summary>
    public static CallTransition FallBack(CallState state, CrmFallbackReason reason, CallQueue? queue, QueuePlan? plan, OfferOutcome? outcome)
    {
        var route = state.Crm ?? throw new InvalidOperationException("Only a call routed by the CRM falls back.");
        var effects = ImmutableArray.CreateBuilder<CallEffect>();
        var next = state with
        {
            Crm = route with { Stage = CrmRouteStage.FellBack, FellBackBecause = reason, Deadline = null, PendingLookup = null, Match = null },
        };
        if (IsLookingUp(state))
        {
            var first = outcome?.Members.FirstOrDefault()?.UserId;
            var user = first ?? Policy(state).FallbackUserId;
            effects.Add(Register(state, "crm-fallback#0", user, showCard: first is not null));
            next = next with { RegisteredUserId = user, CardHolders = first is { } shown ? [shown] : [] };
        }

        if (queue is not null && plan is not null && outcome is not null)
        {
            var offered = QueueDecisions.Offered(QueueDecisions.Enter(next, queue, route.PbxCallId), plan, outcome);
            return offered with { Effects = effects.ToImmutable().AddRange(offered.Effects) };
        }

        if (!IsLookingUp(state) && reason != CrmFallbackReason.ManagerDidNotAnswer && !next.CardHolders.IsEmpty)
        {
            effects.Add(new HideCardEffect { EffectId = "crm-fallback#1", UserIds = next.CardHolders });
            next = next with { CardHolders = [] };
        }

        return CallTransition.Applied(next, effects.ToImmutable());
    }

    /// <summary>
    /// A PBX event while the call waits for its lookup. Ringing changes nothing (the hub, not the PBX's ringing, decides
    /// who sees the card, as for a queued call); a recording is kept. An answer, a transfer or the hang-up mean the PBX
    /// moved on without the hub: the call is registered now — to whoever has it, with their card, or to the fallback
    /// user — and the event applies as to any call. The lookup's answer, when it comes, is ignored.
    /// </summary>
    /// <param name="userOfEvent">The Bitrix24 user of the answering or receiving extension, if known.</param>
    public static CallTransition OnEventWhileLookingUp(CallState state, CallEvent evt, long? userOfEvent, DateTimeOffset now) => evt switch
    {
        CallRinging => CallTransition.Applied(state),
        RecordingReady recording => CallDecisions.OnRecordingReady(state, recording),
        CallAnswered answered => Abandon(state, userOfEvent, s => CallDecisions.OnAnswered(s, answered, userOfEvent)),
        CallTransferred transferred => Abandon(state, userOfEvent, s => CallDecisions.OnTransferred(s, transferred, userOfEvent)),
        CallEnded ended => Abandon(state, null, s => CallDecisions.OnEnded(s, ended, now)),
        _ => CallTransition.Rejected(state, EventRejection.InvalidArgument, $"Unexpected {evt.GetType().Name} while the call's CRM owner is looked up."),
    };

    /// <summary>
    /// After the call's own decision on an event (<see cref="CallDecisions"/>): a call ringing its manager leaves the
    /// routing when it is answered (by anybody), ends, or is moved by the PBX to another extension — the PBX reporting
    /// the transfer to the manager's own extension is just the transfer the hub asked for.
    /// </summary>
    public static CallTransition Follow(CallState before, CallEvent evt, CallTransition transition)
    {
        if (!transition.Changed || before.Crm is not { Stage: CrmRouteStage.RingingManager } route || transition.State.Crm is not { } after)
        {
            return transition;
        }

        var left = evt switch
        {
            CallAnswered or CallEnded => true,
            CallTransferred moved => moved.ToExtension != route.Manager?.Extension,
            _ => false,
        };
        return left ? transition with { State = transition.State with { Crm = after with { Stage = CrmRouteStage.Done, Deadline = null } } } : transition;
    }

    /// <summary>The PBX answered the transfer: a refusal, or no PBX taking it in time, is a fallback. Null otherwise.</summary>
    public static CrmFallbackReason? OnTransferAcknowledged(CallState state, string effectId, PbxCommandAck ack) =>
        IsRingingManager(state) && effectId == TransferEffectId
            ? ack.Status switch
            {
                PbxCommandAckStatus.Rejected => CrmFallbackReason.TransferRefused,
                PbxCommandAckStatus.Expired => CrmFallbackReason.TransferUnacknowledged,
                _ => null,
            }
            : null;

    /// <summary>
    /// Presence says the manager's extension went busy, do-not-disturb or offline while it rang: the call moves on at
    /// once, as a queued call does (see <c>ExtensionStateChanged</c> in the PBX contract). Null for anybody else.
    /// </summary>
    public static CrmFallbackReason? OnOperatorUnavailable(CallState state, long userId) =>
        state.Crm is { Stage: CrmRouteStage.RingingManager, Manager.UserId: var manager } && manager == userId
            ? CrmFallbackReason.ManagerUnavailable
            : null;

    private static CallTransition Abandon(CallState state, long? userId, Func<CallState, CallTransition> then)
    {
        var route = state.Crm!;
        var user = userId ?? Policy(state).FallbackUserId;
        var abandoned = state with
        {
            RegisteredUserId = user,
            CardHolders = userId is { } shown ? [shown] : [],
            Crm = route with { Stage = CrmRouteStage.Done, Deadline = null, PendingLookup = null, Match = null },
        };
        var transition = then(abandoned);
        return transition.Changed
            ? transition with { Effects = transition.Effects.Insert(0, Register(state, "crm-abandon#0", user, showCard: userId is not null)) }
            : transition;
    }

    private static RegisterCallEffect Register(CallState state, string effectId, long userId, bool showCard) => new()
    {
        EffectId = effectId,
        UserId = userId,
        CustomerNumber = state.CustomerNumber,
        Direction = state.Direction,
        StartedAt = state.StartedAt,
        LineNumber = state.LineNumber,
        ExternalCallId = state.Crm!.PbxCallId,
        ShowCard = showCard,
    };

    private static CallPolicy Policy(CallState state) =>
        state.Policy ?? throw new InvalidOperationException("A started call has its policy.");
}
