using TelephonyHub.Abstractions.Calls;
using TelephonyHub.Abstractions.Pbx;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.Presence;
using TelephonyHub.Grains.Queues;
using TelephonyHub.Grains.Tests.Calls;

namespace TelephonyHub.Grains.Tests.Queues;

/// <summary>
/// One queued call driven the way the call grain drives it — plan, reserve with the real presence board, decide —
/// on a clock the test moves. Nothing is faked: the grain's own part is only the glue this class repeats.
/// </summary>
internal sealed class QueueScenario
{
    public const string CallKey = "portal-1/pbx-call-1";
    public const long Admin = 1;

    public static readonly QueueMember Anna = new(12, "101");
    public static readonly QueueMember Boris = new(14, "102");
    public static readonly QueueMember Clara = new(16, "103");
    public static readonly QueueMember Dmitri = new(18, "104");

    private static readonly CallPolicy Policy = new() { AddToChat = true, RecordingMaxWait = TimeSpan.FromMinutes(10), FallbackUserId = Admin };

    private readonly CallEvents _events;

    public QueueScenario(DateTimeOffset start)
    {
        Now = start;
        _events = new CallEvents(start);
    }

    public DateTimeOffset Now { get; private set; }

    public CallState Call { get; private set; } = new();

    public PresenceState Presence { get; set; } = new();

    public QueueProgress Queue => Call.Queue!;

    public static CallQueue QueueOf(QueueMode mode, double stepSeconds, int rounds, QueueOverflow? overflow, params QueueMember[] members) => new()
    {
        Name = "Support",
        LineNumber = "7",
        Mode = mode,
        Members = [.. members],
        StepTime = TimeSpan.FromSeconds(stepSeconds),
        Rounds = rounds,
        Overflow = overflow ?? QueueOverflow.HangUp,
    };

    public QueueScenario Reports(QueueMember member, ExtensionState state)
    {
        Presence = Presence with
        {
            Extensions = Presence.Extensions.SetItem(member.Extension, new ExtensionPresence(state, Now, Guid.NewGuid().ToString("N"))),
        };
        return this;
    }

    /// <summary>Another call holds <paramref name="member"/> (it is offered to them).</summary>
    public QueueScenario HeldByAnotherCall(QueueMember member)
    {
        (Presence, _) = OperatorBoard.Offer(Presence, new OperatorOffer("portal-1/other", [new OfferGroup([member])], Now.AddMinutes(1)), Now);
        return this;
    }

    public QueueScenario After(TimeSpan elapsed)
    {
        Now += elapsed;
        _events.After(elapsed);
        return this;
    }

    public CallTransition Enter(CallQueue queue)
    {
        var plan = QueueDecisions.PlanFirst(queue, Now);
        var outcome = Reserve(plan);
        var registered = CallDecisions.OnStarted(Call, _events.InboundTo(null),
            new CallStartContext("pbx-call-1", "+4930123456", outcome.Members.FirstOrDefault()?.UserId, Policy));
        var offered = QueueDecisions.Offered(QueueDecisions.Enter(registered.State, queue, "pbx-call-1"), plan, outcome);
        return Apply(offered with { Effects = registered.Effects.AddRange(offered.Effects) });
    }

    /// <summary>The step timer fires now; null when no step is due.</summary>
    public CallTransition? TimerFires() => Advance(QueueDecisions.PlanOnTimeout(Call, Now));

    public CallTransition? Unavailable(QueueMember member) =>
        Advance(QueueDecisions.PlanWithout(Call, [member.UserId], QueueAdvance.OperatorUnavailable, Now));

    public CallTransition? RingAcknowledged(string effectId, PbxCommandAckStatus status) =>
        Advance(QueueDecisions.OnRingAcknowledged(Call, effectId, new PbxCommandAck { RequestId = $"{CallKey}#{effectId}", Status = status, Reason = "no such extension" }, Now));

    public CallTransition Answer(QueueMember member)
    {
        var answered = _events.Answered(member.Extension);
        return Apply(QueueDecisions.Follow(Call, answered, CallDecisions.OnAnswered(Call, answered, member.UserId)));
    }

    public CallTransition TransferredTo(QueueMember member)
    {
        var transferred = _events.Transferred(member.Extension);
        return Apply(QueueDecisions.Follow(Call, transferred, CallDecisions.OnTransferred(Call, transferred, member.UserId)));
    }

    public CallTransition HangsUp()
    {
        var ended = _events.Ended(CallOutcome.Cancelled);
        return Apply(QueueDecisions.Follow(Call, ended, CallDecisions.OnEnded(Call, ended, Now)));
    }

    public CallTransition Ringing(params QueueMember[] members)
    {
        var ringing = _events.Ringing([.. members.Select(m => m.Extension)]);
        return Apply(QueueDecisions.OnRinging(Call) ?? CallDecisions.OnRinging(Call, ringing, [.. members.Select(m => m.UserId)]));
    }

    private CallTransition? Advance(QueuePlan? plan) =>
        plan is null ? null : Apply(QueueDecisions.Offered(Call, plan, Reserve(plan)));

    private OfferOutcome Reserve(QueuePlan plan)
    {
        (Presence, var outcome) = OperatorBoard.Offer(Presence, plan.ToOffer(CallKey), Now);
        return outcome;
    }

    private CallTransition Apply(CallTransition transition)
    {
        Call = transition.State;
        return transition;
    }
}
