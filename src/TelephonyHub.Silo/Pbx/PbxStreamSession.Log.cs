namespace TelephonyHub.Silo.Pbx;

public sealed partial class PbxStreamSession
{
    [LoggerMessage(Level = LogLevel.Information, Message = "PBX stream {ConnectionId} opened for portal {PortalId}")]
    private static partial void LogOpened(ILogger logger, string portalId, string connectionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "PBX stream {ConnectionId} of portal {PortalId} closed")]
    private static partial void LogClosed(ILogger logger, string portalId, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing PBX stream {ConnectionId} of portal {PortalId}: {Reason}")]
    private static partial void LogClosing(ILogger logger, string portalId, string connectionId, string reason);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "PBX stream {ConnectionId} of portal {PortalId} is {PbxInstance} ({Software})")]
    private static partial void LogHello(ILogger logger, string portalId, string connectionId, string pbxInstance, string software);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Empty message on PBX stream {ConnectionId} of portal {PortalId}")]
    private static partial void LogEmptyMessage(ILogger logger, string portalId, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing PBX stream {ConnectionId} of portal {PortalId} failed")]
    private static partial void LogRenewFailed(ILogger logger, string portalId, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bad command acknowledgement on stream {ConnectionId} of portal {PortalId}: {Problem}")]
    private static partial void LogBadAck(ILogger logger, string portalId, string connectionId, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "PBX stream {ConnectionId} of portal {PortalId} ended with messages queued")]
    private static partial void LogWriteAfterEnd(ILogger logger, string portalId, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Detaching PBX stream {ConnectionId} of portal {PortalId} failed")]
    private static partial void LogDetachFailed(ILogger logger, string portalId, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PBX stream {ConnectionId} of portal {PortalId}: a command acknowledgement could not be applied; the stream is ended so the PBX reconnects")]
    private static partial void LogAckFailed(ILogger logger, string portalId, string connectionId, Exception exception);
}
