namespace TelephonyHub.Grains.Recordings;

public sealed partial class RecordingSteps
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Call {CallKey}: recording {FileName} ({Size} bytes) fetched and stored on attempt {Attempt}")]
    private static partial void LogFetched(ILogger logger, string callKey, string fileName, long size, int attempt);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Call {CallKey}: fetching the recording from {Url} failed (attempt {Attempt}): {Reason}; next attempt at {NextAttemptAt:O}")]
    private static partial void LogFetchRetry(ILogger logger, string callKey, string url, int attempt, string? reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: uploading the recording failed: {Reason}; next attempt at {NextAttemptAt:O}")]
    private static partial void LogUploadRetry(ILogger logger, string callKey, string? reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey}: recording {FileName} attached in Bitrix24 as file {FileId}")]
    private static partial void LogAttached(ILogger logger, string callKey, string? fileName, long? fileId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallKey}: recording from {Source} not attached: {Reason}")]
    private static partial void LogGaveUp(ILogger logger, string callKey, string source, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: deleting the stored recording failed; the retention sweep will")]
    private static partial void LogDeleteFailed(ILogger logger, string callKey, Exception exception);
}
