using TelephonyHub.Grains.CrmRouting;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

/// <summary>
/// What a call waits for, read off its stored state: the deadlines its timers follow (<see cref="CallWakeups"/>) and
/// whether the CRM wait needs a reminder standing by.
/// </summary>
/// <param name="RecordingWait">When an ended call stops waiting for the recording it was promised (scenario 5).</param>
/// <param name="QueueStep">When the current queue step ends, while the call is offered to operators (scenario 2).</param>
/// <param name="CrmWait">When the CRM lookup, or the manager's answer, is given up (scenario 3).</param>
/// <param name="CrmStandby">True while the manager's phone rings: a reminder then stands by in case the silo dies, as for
/// a queue step.</param>
public sealed record CallDeadlines(DateTimeOffset? RecordingWait, DateTimeOffset? QueueStep, DateTimeOffset? CrmWait, bool CrmStandby)
{
    public static CallDeadlines Of(CallState state) => new(
        state is { Phase: CallPhase.Ended, RecordingDeadline: { } wait } ? wait : null,
        QueueDecisions.IsOffering(state) ? state.Queue!.Deadline : null,
        state.Crm?.Deadline,
        state.Crm is { Deadline: not null, Stage: CrmRouteStage.RingingManager });
}
