using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// Drives a queued call (scenario 2) for the call grain: enters the line's queue, reserves each step's operators in
/// presence, and turns <see cref="QueueDecisions"/>' plans into transitions the grain commits. The decisions are
/// QueueDecisions'; this class gathers their inputs. Null from a method: the queue has nothing to do.
/// </summary>
/// <param name="logger">The call grain's logger: these lines are the call's.</param>
public sealed partial class QueueRouteDriver(IGrainFactory grains, CallPresence presence, TimeProvider time, ILogger logger, string callKey)
{
    /// <summary>
    /// An inbound call that names no extension goes to its line's queue, if the portal has one. The first offer is
    /// made before the call is registered, so it is registered to the first operator offered, with the card
    /// (reference §5.2: register for the first, show for the others); nobody free: to the fallback user without a
    /// card, and the queue's overflow rule right away. Null when the call does not go to a queue.
    /// </summary>
    public async Task<CallTransition?> EnterAsync(CallState state, CallStarted started, CallStartContext start)
    {
        if (state.Phase != CallPhase.None || started.Direction != CallDirection.Inbound || !string.IsNullOrEmpty(started.Extension))
        {
            return null; // a second CallStarted must not touch the operators the call holds: OnStarted refuses it
        }

        var queue = await grains.GetGrain<IPortalQueuesGrain>(CallKey.Parse(callKey).PortalId).GetQueueForLineAsync(started.LineNumber);
        if (queue is null)
        {
            return null;
        }

        var plan = QueueDecisions.PlanFirst(queue, time.GetUtcNow());
        var outcome = await OfferAsync(plan);
        var registered = CallDecisions.OnStarted(state, started, start with { ExtensionUserId = outcome.Members.FirstOrDefault()?.UserId });
        if (!registered.Changed)
        {
            return registered;
        }

        var offered = QueueDecisions.Offered(QueueDecisions.Enter(registered.State, queue, start.ExternalCallId), plan, outcome);
        LogEnteredQueue(logger, callKey, queue.Name, queue.Mode, outcome.Members.Length);
        return offered with { Effects = registered.Effects.AddRange(offered.Effects) };
    }

    /// <summary>The step's deadline came: the next step. Null when it is not due yet (a timer can fire a hair early).</summary>
    public async Task<CallTransition?> OnStepDueAsync(CallState state) =>
        QueueDecisions.PlanOnTimeout(state, time.GetUtcNow()) is { } plan ? await AdvanceAsync(state, plan) : null;

    /// <summary>An operator the call was offered to went busy or offline: offer the step without them.</summary>
    public async Task<CallTransition?> OnOperatorUnavailableAsync(CallState state, long userId) =>
        QueueDecisions.PlanWithout(state, [userId], QueueAdvance.OperatorUnavailable, time.GetUtcNow()) is { } plan
            ? await AdvanceAsync(state, plan)
            : null;

    /// <summary>The PBX answered a ring command: a refused ring moves the queue on.</summary>
    public async Task<CallTransition?> OnRingAcknowledgedAsync(CallState state, string effectId, PbxCommandAck ack) =>
        QueueDecisions.OnRingAcknowledged(state, effectId, ack, time.GetUtcNow()) is { } plan ? await AdvanceAsync(state, plan) : null;

    /// <summary>Offers the next step (or the queue's end) to presence, then decides on what presence reserved.</summary>
    public async Task<CallTransition> AdvanceAsync(CallState state, QueuePlan plan)
    {
        var outcome = await OfferAsync(plan);
        var transition = QueueDecisions.Offered(state, plan, outcome);
        var queue = transition.State.Queue!;
        if (queue.Stage == QueueStage.Offering)
        {
            LogQueueStep(logger, callKey, plan.Cause, queue.Step, queue.Round, string.Join(",", queue.Offered.Select(m => m.UserId)));
        }
        else
        {
            LogQueueOver(logger, callKey, queue.Queue.Name, queue.Stage, plan.Cause);
        }

        return transition;
    }

    /// <summary>Also with no slots left: the offer then releases whoever the call held.</summary>
    public Task<OfferOutcome> OfferAsync(QueuePlan plan) => presence.OfferAsync(plan.ToOffer(callKey));
}
