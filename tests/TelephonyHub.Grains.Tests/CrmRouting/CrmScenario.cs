using System.Collections.Immutable;
using System.Globalization;
using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Portals;
using TelephonyHub.Grains.Presence;
using TelephonyHub.Grains.Queues;
using TelephonyHub.Grains.Tests.Calls;

namespace TelephonyHub.Grains.Tests.CrmRouting;

/// <summary>
/// One inbound call routed by the CRM, driven the way the call grain drives it — decide, ask the portal's directory
/// and the real presence board, decide again — on a clock the test moves. Effects read as short lines
/// (<c>"register 12 card"</c>, <c>"transfer 101"</c>) so a test shows what Bitrix24 and the PBX would be asked.
/// </summary>
internal sealed class CrmScenario
{
    public const string CallKey = "portal-1/pbx-call-1";
    public const string Caller = "+4930123456";
    public const long Admin = 1;

    public static readonly QueueMember Anna = new(12, "101");
    public static readonly QueueMember Boris = new(14, "102");
    public static readonly QueueMember Clara = new(16, "103");
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan AcknowledgeTimeout = TimeSpan.FromSeconds(5);

    private readonly CallEvents _events;
    private readonly CrmRoutingSettings _settings;

    public CrmScenario(CrmRoutingSettings? settings = null)
    {
        Now = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        _events = new CallEvents(Now);
        _settings = settings ?? new CrmRoutingSettings { Enabled = true, ManagerAnswerTime = TimeSpan.FromSeconds(20) };
    }

    public DateTimeOffset Now { get; private set; }

    public CallState Call { get; private set; } = new();

    public PresenceState Presence { get; set; } = new();

    /// <summary>The portal's directory: Admin, Anna, Boris and Clara active, with their extensions.</summary>
    public PortalState Portal { get; set; } = new()
    {
        SyncedUsers = ImmutableDictionary<long, string>.Empty.AddRange(
            [new(Admin, "Alex Admin"), new(Anna.UserId, "Anna"), new(Boris.UserId, "Boris"), new(Clara.UserId, "Clara")]),
        SyncedExtensions = ImmutableDictionary<string, long>.Empty.AddRange(
            [new(Anna.Extension, Anna.UserId), new(Boris.Extension, Boris.UserId), new(Clara.Extension, Clara.UserId)]),
    };

    /// <summary>The queue of the call's line; null when the line has none.</summary>
    public CallQueue? LineQueue { get; set; }

    public CrmRoute Route => Call.Crm!;

    public static CallQueue Simultaneous(params QueueMember[] members) => new()
    {
        Name = "Support",
        LineNumber = "7",
        Mode = QueueMode.Simultaneous,
        Members = [.. members],
        StepTime = TimeSpan.FromSeconds(15),
        Rounds = 1,
        Overflow = QueueOverflow.HangUp,
    };

    /// <summary>A <c>searchCrmEntities</c> match owned by <paramref name="owner"/>, who reports that extension and workday.</summary>
    public static CrmEntitySearchResult Match(string type, long id, QueueMember owner, string timeman = "OPENED", string? extension = "") =>
        new(type, id, $"{type} {id}", owner.UserId,
            new CrmResponsibleUser(owner.UserId, timeman, extension == "" ? owner.Extension : extension, null, null, null));

    public static CrmEntity Deal(long id, QueueMember owner) => new() { Id = id, AssignedById = owner.UserId };

    public CallTransition? Start(string? extension = null, string from = Caller, CallDirection direction = CallDirection.Inbound)
    {
        var started = direction == CallDirection.Inbound ? _events.InboundTo(extension, from) : _events.OutboundFrom(extension ?? "101", from);
        var policy = new CallPolicy { AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = Admin };
        var transition = CrmRoutingDecisions.Begin(Call, started, new CallStartContext("pbx-call-1", from, null, policy), _settings, Now + LookupTimeout);
        return transition is null ? null : Apply(transition);
    }

    public CallTransition? SearchAnswers(params CrmEntitySearchResult[] matches) =>
        Answer(CrmRoutingDecisions.SearchEffectId, new SearchCrmEntities(Caller), ImmutableArray.Create(matches));

    public CallTransition? DealsAnswer(params CrmEntity[] deals) =>
        Answer(CrmRoutingDecisions.DealEffectId, new ListDeals(), new CrmDealPage([.. deals], deals.Length, null));

    /// <summary>Bitrix24 refuses the lookup for good.</summary>
    public CallTransition? LookupFails(string effectId, Bitrix24Request request) => Continue(CrmRoutingDecisions.OnLookupResult(Call, effectId, new DispatchResult
    {
        RequestId = $"{CallKey}#{effectId}",
        Request = request,
        Error = new Bitrix24Error { Kind = Bitrix24ErrorKind.Validation, Code = "insufficient_scope", Description = "The request requires higher privileges." },
    }));

    public CrmScenario After(TimeSpan elapsed)
    {
        Now += elapsed;
        _events.After(elapsed);
        return this;
    }

    /// <summary>The call's timer fires now; null when no wait is due.</summary>
    public CallTransition? TimerFires() => Continue(CrmRoutingDecisions.OnDeadline(Call, Now));

    public CallTransition? TransferAcknowledged(PbxCommandAckStatus status) => FallBackIf(CrmRoutingDecisions.OnTransferAcknowledged(
        Call, CrmRoutingDecisions.TransferEffectId, new PbxCommandAck { RequestId = $"{CallKey}#{CrmRoutingDecisions.TransferEffectId}", Status = status, Reason = "extension 101 is not registered" }));

    public CallTransition? Unavailable(QueueMember member) => FallBackIf(CrmRoutingDecisions.OnOperatorUnavailable(Call, member.UserId));

    public CallTransition Answer(QueueMember member) => Event(_events.Answered(member.Extension), member.UserId);

    public CallTransition TransferredTo(QueueMember member) => Event(_events.Transferred(member.Extension), member.UserId);

    public CallTransition Ringing(QueueMember member) => Event(_events.Ringing(member.Extension), null);

    public CallTransition HangsUp() => Event(_events.Ended(CallOutcome.Cancelled), null);

    public CallTransition Ends(CallOutcome outcome, int talkSeconds) => Event(_events.Ended(outcome, talkSeconds: talkSeconds), null);

    /// <summary>Effects as short lines: what Bitrix24 and the PBX would be asked to do.</summary>
    public static string[] Describe(CallTransition? transition) => transition is null ? [] : [.. transition.Effects.Select(Describe)];

    public static string Describe(CallEffect effect) => effect switch
    {
        CrmLookupEffect { Request: SearchCrmEntities search } => $"search {search.PhoneNumber}",
        CrmLookupEffect { Request: ListDeals deals } => $"deals {string.Join(" ", deals.Filter!.Conditions.Select(c => $"{c.Field}={c.Values[0]}"))}",
        RegisterCallEffect register => $"register {register.UserId} {(register.ShowCard ? "card" : "no card")}",
        ShowCardEffect show => $"show {string.Join(",", show.UserIds)}",
        HideCardEffect hide => $"hide {string.Join(",", hide.UserIds)}",
        FinishCallEffect finish => string.Create(CultureInfo.InvariantCulture, $"finish {finish.Ending.FinishingUserId} {finish.Ending.StatusCode}"),
        PbxCommandEffect { Command: TransferCallCommand transfer } => $"transfer {transfer.Extension}",
        PbxCommandEffect { Command: RingExtensionsCommand ring } => $"ring {string.Join(",", ring.Extensions)}",
        PbxCommandEffect { Command: HangUpCallCommand } => "hang up",
        _ => effect.GetType().Name,
    };

    private CallTransition? Answer(string effectId, Bitrix24Request request, object value) =>
        Continue(CrmRoutingDecisions.OnLookupResult(Call, effectId, new DispatchResult { RequestId = $"{CallKey}#{effectId}", Request = request, Value = value }));

    private CallTransition Event(CallEvent evt, long? user)
    {
        if (CrmRoutingDecisions.IsLookingUp(Call))
        {
            return Apply(CrmRoutingDecisions.OnEventWhileLookingUp(Call, evt, user, Now));
        }

        var transition = evt switch
        {
            CallRinging ringing => QueueDecisions.OnRinging(Call) ?? CallDecisions.OnRinging(Call, ringing, user is { } u ? [u] : []),
            CallAnswered answered => CallDecisions.OnAnswered(Call, answered, user),
            CallTransferred transferred => CallDecisions.OnTransferred(Call, transferred, user),
            CallEnded ended => CallDecisions.OnEnded(Call, ended, Now),
            _ => throw new ArgumentException(evt.GetType().Name),
        };
        transition = QueueDecisions.Follow(Call, evt, transition);
        return Apply(CrmRoutingDecisions.Follow(Call, evt, transition));
    }

    private CallTransition? Continue(CrmNextStep? step)
    {
        if (step is null)
        {
            return null;
        }

        if (step.Transition is { } transition)
        {
            return Apply(transition);
        }

        return step.RouteTo is { } owner ? RouteTo(owner) : FallBack(step.FallBack!.Value);
    }

    /// <summary>What <see cref="CrmRouteDriver"/> does to ring the manager: the directory, then presence, then the transfer.</summary>
    private CallTransition RouteTo(CrmOwner owner)
    {
        var directory = ManagerDirectory.Find(Portal, owner.UserId, owner.Reported?.UserPhoneInner);
        if (CrmOwners.WhyNot(owner, directory) is { } reason)
        {
            return FallBack(reason);
        }

        var manager = new QueueMember(owner.UserId, directory.Extension!);
        (Presence, var outcome) = OperatorBoard.Offer(Presence, new OperatorOffer(CallKey, [new OfferGroup([manager])], Now + _settings.ManagerAnswerTime), Now);
        return outcome.Members.IsEmpty
            ? FallBack(CrmFallbackReason.ManagerBusy)
            : Apply(CrmRoutingDecisions.RingManager(Call, owner, manager, Now, AcknowledgeTimeout));
    }

    private CallTransition? FallBackIf(CrmFallbackReason? reason) => reason is { } why ? FallBack(why) : null;

    /// <summary>What <see cref="CrmRouteDriver"/> does to fall back: the line's queue, its first offer, then the fallback.</summary>
    private CallTransition FallBack(CrmFallbackReason reason)
    {
        var queue = CrmRoutingDecisions.QueueAfter(Call, LineQueue);
        QueuePlan? plan = null;
        OfferOutcome? outcome = null;
        if (queue is not null)
        {
            plan = QueueDecisions.PlanFirst(queue, Now);
            (Presence, outcome) = OperatorBoard.Offer(Presence, plan.ToOffer(CallKey), Now);
        }

        return Apply(CrmRoutingDecisions.FallBack(Call, reason, queue, plan, outcome));
    }

    private CallTransition Apply(CallTransition transition)
    {
        Call = transition.State;
        return transition;
    }
}
