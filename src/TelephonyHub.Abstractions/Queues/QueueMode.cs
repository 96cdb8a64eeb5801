namespace TelephonyHub.Abstractions.Queues;

/// <summary>How a queue offers a call to its members (reference §5.2, queue patterns).</summary>
public enum QueueMode
{
    /// <summary>Every free member sees the card and rings at once; the first to answer keeps the call.</summary>
    Simultaneous = 1,

    /// <summary>Free members one after another, each for the queue's step time.</summary>
    Sequential = 2,
}
