using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Queues;

namespace TelephonyHub.Grains.Calls;

public sealed partial class CallGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey} entered queue '{Queue}' ({Mode}), offered to {Offered} operator(s)")]
    private static partial void LogEnteredQueue(ILogger logger, string callKey, string queue, QueueMode mode, int offered);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: queue step {Step} (round {Round}, {Cause}) offered to user(s) {Users}")]
    private static partial void LogQueueStep(ILogger logger, string callKey, QueueAdvance cause, int step, int round, string users);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey}: queue '{Queue}' is over ({Stage}) after {Cause}")]
    private static partial void LogQueueOver(ILogger logger, string callKey, string queue, QueueStage stage, QueueAdvance cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: the PBX refused command {RequestId}: {Reason}")]
    private static partial void LogCommandRefused(ILogger logger, string callKey, string requestId, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: no PBX acknowledged command {RequestId} before it expired")]
    private static partial void LogCommandExpired(ILogger logger, string callKey, string requestId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: PBX command {EffectId} is obsolete and was not sent")]
    private static partial void LogCommandObsolete(ILogger logger, string callKey, string effectId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey}: PBX command {EffectId} waits for a PBX stream ({Delivery})")]
    private static partial void LogCommandWaiting(ILogger logger, string callKey, string effectId, PbxDelivery delivery);
}
