namespace TelephonyHub.Grains.Recordings;

public sealed partial class RecordingGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey}: recording job {JobId} not started: {Reason}")]
    private static partial void LogJobIgnored(ILogger logger, string callKey, string jobId, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: no answer to attachRecord (asked {Attempts} time(s)); asking again")]
    private static partial void LogAttachAnswerOverdue(ILogger logger, string callKey, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: answer to {RequestId} not awaited (job {Phase})")]
    private static partial void LogStaleAnswer(ILogger logger, string callKey, string requestId, RecordingPhase phase);
}
