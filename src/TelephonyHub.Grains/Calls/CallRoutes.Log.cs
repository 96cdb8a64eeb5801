namespace TelephonyHub.Grains.Calls;

public sealed partial class CallRoutes
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: the PBX refused command {RequestId}: {Reason}")]
    private static partial void LogCommandRefused(ILogger logger, string callKey, string requestId, string? reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: no PBX acknowledged command {RequestId} before it expired")]
    private static partial void LogCommandExpired(ILogger logger, string callKey, string requestId);
}
