using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Grains.Queues;

/// <summary>How queued calls keep going across silo failures. Section <c>CallQueues</c>.</summary>
public sealed class CallQueueOptions
{
    /// <summary>
    /// While a call is offered in its queue, a reminder wakes it at this period: the step timer lives in memory and
    /// dies with its silo, the reminder brings the call back (on another silo) to move on. Default 1 minute, which is
    /// also Orleans' default minimum reminder period.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WakeReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
