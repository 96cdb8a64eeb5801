namespace TelephonyHub.PortalEmulator.Events;

public sealed partial class EventSender
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Domain} sent {Event} to {Handler}: HTTP {Status}")]
    private static partial void LogDelivered(ILogger logger, string @event, string domain, string handler, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Domain} could not deliver {Event} to {Handler} (not retried): {Reason}")]
    private static partial void LogFailed(ILogger logger, string @event, string domain, string handler, string reason);
}
