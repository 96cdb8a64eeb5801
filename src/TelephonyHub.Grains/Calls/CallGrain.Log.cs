namespace TelephonyHub.Grains.Calls;

public sealed partial class CallGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: {EventType} {EventId} applied, now {Phase}")]
    private static partial void LogApplied(ILogger logger, string callKey, string eventType, string eventId, CallPhase phase);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Call {CallKey}: {EventType} {EventId} not applied ({Verdict}): {Reason}")]
    private static partial void LogNotApplied(ILogger logger, string callKey, string eventType, string eventId, EventVerdict verdict, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey} is Bitrix24 call {Bitrix24CallId}")]
    private static partial void LogRegistered(ILogger logger, string callKey, string bitrix24CallId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: Bitrix24 refused {Method}: {Code} {Description}")]
    private static partial void LogBitrix24Failed(ILogger logger, string callKey, string method, string code, string description);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Call {CallKey}: the recording promised at hang-up did not come within {MaxWait}; finishing without it (a later recording is still attached)")]
    private static partial void LogRecordingWaitExpired(ILogger logger, string callKey, TimeSpan maxWait);

}
