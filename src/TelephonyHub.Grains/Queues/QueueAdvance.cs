namespace TelephonyHub.Grains.Queues;

/// <summary>Why a queued call moves to its next step.</summary>
public enum QueueAdvance
{
    /// <summary>The call entered the queue: the first offer.</summary>
    Entered = 1,

    /// <summary>The step's time ran out without an answer.</summary>
    StepTimedOut = 2,

    /// <summary>An offered member became busy, went into do-not-disturb or offline.</summary>
    OperatorUnavailable = 3,

    /// <summary>The PBX refused to ring the offered extension(s).</summary>
    RingRejected = 4,
}
