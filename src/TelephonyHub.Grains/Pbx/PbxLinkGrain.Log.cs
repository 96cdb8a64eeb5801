namespace TelephonyHub.Grains.Pbx;

public sealed partial class PbxLinkGrain
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "PBX stream {ConnectionId} attached to portal {PortalId}; {PendingCommands} command(s) to resend")]
    private static partial void LogAttached(ILogger logger, string portalId, string connectionId, int pendingCommands);

    [LoggerMessage(Level = LogLevel.Information, Message = "PBX stream {ConnectionId} of portal {PortalId} detached")]
    private static partial void LogDetached(ILogger logger, string portalId, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "No PBX stream open for portal {PortalId}: command {RequestId} not sent")]
    private static partial void LogNoStream(ILogger logger, string portalId, string requestId);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Acknowledgement for command {RequestId} of portal {PortalId} matches nothing pending")]
    private static partial void LogUnknownAck(ILogger logger, string portalId, string requestId);

    // A step, not an outcome: whoever sent the command logs what the answer changed (a click dialling or failing, a
    // queue moving on); at Information this was a line per command under load.
    [LoggerMessage(Level = LogLevel.Debug,
        Message = "PBX of portal {PortalId} answered command {RequestId}: {Status}")]
    private static partial void LogAcknowledged(ILogger logger, string portalId, string requestId, PbxCommandAckStatus status);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Command {RequestId} of portal {PortalId} expired before any PBX took it")]
    private static partial void LogExpired(ILogger logger, string portalId, string requestId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "PBX stream {ConnectionId} of portal {PortalId} refused: its key {KeyId} was revoked")]
    private static partial void LogRefused(ILogger logger, string portalId, string connectionId, string keyId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Delivery to PBX stream {ConnectionId} of portal {PortalId} failed; no commands to it until it attaches again")]
    private static partial void LogDeliveryFailed(ILogger logger, string portalId, string connectionId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Closing PBX stream {ConnectionId} of portal {PortalId} failed")]
    private static partial void LogCloseFailed(ILogger logger, string portalId, string connectionId, Exception exception);
}
