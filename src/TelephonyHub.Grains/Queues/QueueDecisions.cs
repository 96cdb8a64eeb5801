using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.Queues;

/// <summary>
/// A queued call's state machine (scenario 2), as plain functions beside <see cref="CallDecisions"/>. Moving on is
/// two steps because who is free is decided by the portal's presence grain, atomically for all calls: first a
/// <see cref="QueuePlan"/> (whom to ask for, in which order), then <see cref="Offered"/> with the members presence
/// reserved — cards (reference §5.2 queue patterns: <c>show</c> to the newcomers, <c>hide</c> from the others) and a
/// ring command for the PBX, or, when nobody is left, the missed call and the overflow rule.
/// </summary>
public static class QueueDecisions
{
    /// <summary>An overflow transfer or hang-up that no PBX took within this is pointless: the caller is gone.</summary>
    public static readonly TimeSpan OverflowCommandLifetime = TimeSpan.FromMinutes(1);

    /// <summary>True while the call is offered step by step (a step timer runs).</summary>
    public static bool IsOffering(CallState state) => state is { Phase: CallPhase.Ringing, Queue.Stage: QueueStage.Offering };

    /// <summary>The call joins <paramref name="queue"/>; its first plan is <see cref="PlanFirst"/>.</summary>
    public static CallState Enter(CallState state, CallQueue queue, string pbxCallId) =>
        state with { Queue = new QueueProgress { Queue = queue, PbxCallId = pbxCallId } };

    public static QueuePlan PlanFirst(CallQueue queue, DateTimeOffset now) =>
        new(QueueAdvance.Entered, QueuePlans.After(queue, round: 0, position: -1), now, now, now + queue.StepTime);

    /// <summary>The step ran out: the next slots. Null when the call is not offering or the deadline is not reached.</summary>
    public static QueuePlan? PlanOnTimeout(CallState state, DateTimeOffset now)
    {
        if (!IsOffering(state) || state.Queue!.Deadline is not { } deadline || now < deadline)
        {
            return null;
        }

        var queue = state.Queue.Queue;

        // On time (or a little late), the next step starts at the old deadline, so steps keep their planned times;
        // after a long gap (the silo was down) it starts now, with its full time.
        var start = now - deadline < queue.StepTime ? deadline : now;
        return new QueuePlan(QueueAdvance.StepTimedOut, QueuePlans.After(queue, state.Queue.Round, state.Queue.Position), now, start, start + queue.StepTime);
    }

    /// <summary>
    /// Offered members can no longer take the call (busy, do-not-disturb, offline, or the PBX refused to ring them):
    /// a sequential queue moves to the next member now; a simultaneous one keeps ringing the others until the step
    /// ends, and starts the next round at once when nobody is left. Null when none of them is offered now.
    /// </summary>
    public static QueuePlan? PlanWithout(CallState state, ImmutableArray<long> users, QueueAdvance cause, DateTimeOffset now)
    {
        if (!IsOffering(state) || !state.Queue!.Offered.Any(m => users.Contains(m.UserId)))
        {
            return null;
        }

        var progress = state.Queue;
        var queue = progress.Queue;
        var slots = QueuePlans.After(queue, progress.Round, progress.Position);
        if (queue.Mode == QueueMode.Simultaneous)
        {
            var rest = progress.Offered.Where(m => !users.Contains(m.UserId)).ToImmutableArray();
            if (!rest.IsEmpty)
            {
                slots = slots.Insert(0, new QueueSlot(progress.Round, progress.Position, rest, Continues: true));
            }
        }

        return new QueuePlan(cause, slots, now, now, now + queue.StepTime);
    }

    /// <summary>
    /// The PBX answered a ring command: a refusal of the current step's ring skips whom it was for. Null otherwise
    /// (accepted, expired — the step's own deadline handles that — or an old step's command).
    /// </summary>
    public static QueuePlan? OnRingAcknowledged(CallState state, string effectId, PbxCommandAck ack, DateTimeOffset now) =>
        ack.Status == PbxCommandAckStatus.Rejected && IsOffering(state) && effectId == RingEffectId(state.Queue!.Step)
            ? PlanWithout(state, [.. state.Queue.Offered.Select(m => m.UserId)], QueueAdvance.RingRejected, now)
            : null;

    /// <summary>
    /// Presence reserved <paramref name="outcome"/> for <paramref name="plan"/>: cards move to exactly those members
    /// and the PBX rings their extensions. Nobody reserved: the queue is over (<see cref="Exhaust"/>).
    /// </summary>
    public static CallTransition Offered(CallState state, QueuePlan plan, OfferOutcome outcome)
    {
        var progress = state.Queue ?? throw new InvalidOperationException("Only a queued call can be offered.");
        if (outcome.Group < 0 || outcome.Group >= plan.Slots.Length || outcome.Members.IsEmpty)
        {
            return Exhaust(state, plan.Now);
        }

        var slot = plan.Slots[outcome.Group];
        var step = progress.Step + 1;
        var deadline = slot.Continues && progress.Deadline is { } current ? current : plan.StepDeadline;
        var users = outcome.Members.Select(m => m.UserId).ToImmutableArray();
        var effects = ImmutableArray.CreateBuilder<CallEffect>();
        effects.AddRange(MoveCards(state.CardHolders, users, $"queue-step-{step}"));
        var ringSeconds = (int)Math.Max(1, Math.Ceiling((deadline - plan.Now).TotalSeconds));
        effects.Add(new PbxCommandEffect
        {
            EffectId = RingEffectId(step),
            Command = new RingExtensionsCommand(progress.PbxCallId, [.. outcome.Members.Select(m => m.Extension)], ringSeconds),
            ExpiresAt = deadline,
        });
        return CallTransition.Applied(state with
        {
            Phase = CallPhase.Ringing,
            CardHolders = users,
            Queue = progress with
            {
                Step = step,
                Round = slot.Round,
                Position = slot.Position,
                Offered = outcome.Members,
                StepStartedAt = slot.Continues ? progress.StepStartedAt : plan.StepStart,
                Deadline = deadline,
            },
        }, effects.ToImmutable());
    }

    /// <summary>
    /// Nobody took the call. To the overflow user: cards move to them and the PBX transfers the call; it goes on like
    /// a call to them. Otherwise a missed call: every card hidden, <c>finish</c> with <c>STATUS_CODE=304</c> for the
    /// user the call is registered to (reference §5.3), and the PBX transfers to the overflow extension or hangs up.
    /// </summary>
    public static CallTransition Exhaust(CallState state, DateTimeOffset now)
    {
        var progress = state.Queue ?? throw new InvalidOperationException("Only a queued call can run out of members.");
        var queue = progress.Queue;
        var over = progress with { Offered = [], Deadline = null };
        if (queue.Overflow is { Kind: QueueOverflowKind.User, UserId: { } user, Extension: { } userExtension })
        {
            var moves = MoveCards(state.CardHolders, [user], "queue-end");
            return CallTransition.Applied(
                state with { CardHolders = [user], Queue = over with { Stage = QueueStage.Overflowed } },
                [.. moves, Command("queue-end#2", new TransferCallCommand(progress.PbxCallId, userExtension), now)]);
        }

        var why = progress.Step == 0 ? $"No member of queue '{queue.Name}' was free." : $"Nobody in queue '{queue.Name}' answered.";
        var ending = new CallEnding
        {
            EndedAt = now,
            FinishingUserId = state.RegisteredUserId,
            DurationSeconds = 0,
            StatusCode = CallStatusCode.Missed,
            FailedReason = why,
        };

        // finish hides the card of the finishing user only (reference §5.3, open question 11): hide the others.
        var others = state.CardHolders.Remove(state.RegisteredUserId);
        var effects = ImmutableArray.CreateBuilder<CallEffect>();
        if (!others.IsEmpty)
        {
            effects.Add(new HideCardEffect { EffectId = "queue-end#0", UserIds = others });
        }

        effects.Add(new FinishCallEffect
        {
            EffectId = "queue-end#1",
            Ending = ending,
            AddToChat = state.Policy?.AddToChat ?? throw new InvalidOperationException("A started call has its policy."),
        });
        effects.Add(queue.Overflow is { Kind: QueueOverflowKind.Extension, Extension: { } extension }
            ? Command("queue-end#2", new TransferCallCommand(progress.PbxCallId, extension), now)
            : Command("queue-end#2", new HangUpCallCommand(progress.PbxCallId, why), now));
        return CallTransition.Applied(state with
        {
            Phase = CallPhase.Finished,
            Ending = ending,
            CardHolders = [],
            Queue = over with { Stage = QueueStage.Missed },
        }, effects.ToImmutable());
    }

    /// <summary>
    /// The PBX reports ringing for a call the queue is offering: the queue, not the ringing reports, decides who sees
    /// the card (the PBX may report the extensions one by one). Null when the call is not offering.
    /// </summary>
    public static CallTransition? OnRinging(CallState state) =>
        IsOffering(state) ? CallTransition.Applied(state) : null;

    /// <summary>
    /// After the call's own decision on an answer, transfer or hang-up (<see cref="CallDecisions"/>): a call that was
    /// offering leaves the queue, so no step runs any more. Anything else passes through.
    /// </summary>
    public static CallTransition Follow(CallState before, CallEvent evt, CallTransition transition) =>
        transition.Changed && IsOffering(before) && evt is CallAnswered or CallTransferred or CallEnded
            ? transition with { State = transition.State with { Queue = transition.State.Queue! with { Stage = QueueStage.Left, Offered = [], Deadline = null } } }
            : transition;

    /// <summary>The effect id of step <paramref name="step"/>'s ring command; acks are matched by it.</summary>
    public static string RingEffectId(int step) => $"queue-step-{step}#2";

    private static IEnumerable<CallEffect> MoveCards(ImmutableArray<long> holders, ImmutableArray<long> target, string prefix)
    {
        var hide = holders.Except(target).ToImmutableArray();
        if (!hide.IsEmpty)
        {
            yield return new HideCardEffect { EffectId = $"{prefix}#0", UserIds = hide };
        }

        var show = target.Except(holders).ToImmutableArray();
        if (!show.IsEmpty)
        {
            yield return new ShowCardEffect { EffectId = $"{prefix}#1", UserIds = show };
        }
    }

    private static PbxCommandEffect Command(string effectId, PbxCommand command, DateTimeOffset now) =>
        new() { EffectId = effectId, Command = command, ExpiresAt = now + OverflowCommandLifetime };
}
