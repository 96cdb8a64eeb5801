using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

public sealed partial class QueueRouteDriver
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey} entered queue '{Queue}' ({Mode}), offered to {Offered} operator(s)")]
    private static partial void LogEnteredQueue(ILogger logger, string callKey, string queue, QueueMode mode, int offered);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: queue step {Step} (round {Round}, {Cause}) offered to user(s) {Users}")]
    private static partial void LogQueueStep(ILogger logger, string callKey, QueueAdvance cause, int step, int round, string users);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey}: queue '{Queue}' is over ({Stage}) after {Cause}")]
    private static partial void LogQueueOver(ILogger logger, string callKey, string queue, QueueStage stage, QueueAdvance cause);
}
