using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Grains.Dispatch;

public sealed partial class PortalDispatchGrain
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bitrix24 request {RequestId} ({Method}) of portal {PortalId} failed for good: {Kind} {Code} {Description}")]
    private static partial void LogFailed(
        ILogger logger, string portalId, string requestId, string method, Bitrix24ErrorKind kind, string code, string description);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Dropped {Method} ({RequestId}) of portal {PortalId}: nothing waits for it any more (the call is over, or gave up its CRM lookup)")]
    private static partial void LogCompacted(ILogger logger, string portalId, string requestId, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch of portal {PortalId} paused: {Reason}")]
    private static partial void LogPaused(ILogger logger, string portalId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch of portal {PortalId} resumed")]
    private static partial void LogResumed(ILogger logger, string portalId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Portal {PortalId} failed {Failures} request(s) in a row ({LastError}); everything waits, next try at {NextTry:O}")]
    private static partial void LogBackingOff(ILogger logger, string portalId, int failures, string? lastError, DateTimeOffset nextTry);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch of portal {PortalId} failed a round; retrying")]
    private static partial void LogPumpFailed(ILogger logger, string portalId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch of portal {PortalId} purged; {Dropped} pending request(s) dropped with it")]
    private static partial void LogPurged(ILogger logger, string portalId, int dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatch of portal {PortalId} archived {Moved} finished lane(s); {Archived} in the archive")]
    private static partial void LogArchived(ILogger logger, string portalId, int moved, int archived);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch of portal {PortalId} could not archive its finished lanes; they stay inline and it tries again")]
    private static partial void LogArchiveFailed(ILogger logger, string portalId, Exception exception);
}
