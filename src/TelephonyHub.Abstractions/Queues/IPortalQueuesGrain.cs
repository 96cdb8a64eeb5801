namespace TelephonyHub.Abstractions.Queues;

/// <summary>
/// The call queues of one portal (key: its <c>member_id</c>). Implemented by the portal grain — same key, same
/// activation — because a queue is portal configuration validated against the portal's users and extensions.
/// </summary>
public interface IPortalQueuesGrain : IGrainWithStringKey
{
    /// <summary>The configured queues, default queue (empty line) first, then by line.</summary>
    [ReadOnly]
    Task<ImmutableArray<QueueDefinition>> GetQueuesAsync();

    /// <summary>
    /// Adds the queue of <see cref="QueueDefinition.LineNumber"/>, or replaces it. Validated against the portal's
    /// directory: every member and the overflow user need an extension; refused with all reasons otherwise.
    /// </summary>
    Task<QueueSaveResult> SaveQueueAsync(QueueDefinition queue);

    /// <summary>Removes the queue of a line (empty: the default queue). False when there was none.</summary>
    Task<bool> RemoveQueueAsync(string lineNumber);

    /// <summary>
    /// The queue an inbound call on <paramref name="lineNumber"/> goes to: the line's own queue, else the default
    /// queue, resolved with the members' current extensions. Null when neither exists.
    /// </summary>
    [ReadOnly]
    Task<CallQueue?> GetQueueForLineAsync(string? lineNumber);
}
