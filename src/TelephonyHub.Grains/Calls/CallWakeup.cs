namespace TelephonyHub.Grains.Calls;

/// <summary>Which of a call's waits a reminder belongs to (<see cref="CallWakeups.Fired"/>).</summary>
public enum CallWakeup
{
    /// <summary>The outbox is stored but not handed over yet: try again.</summary>
    OutboxRetry = 0,

    /// <summary>The wait for a promised recording (<see cref="CallDeadlines.RecordingWait"/>).</summary>
    RecordingWait = 1,

    /// <summary>A queue step (<see cref="CallDeadlines.QueueStep"/>).</summary>
    QueueStep = 2,

    /// <summary>The CRM route's wait (<see cref="CallDeadlines.CrmWait"/>).</summary>
    CrmWait = 3,
}
