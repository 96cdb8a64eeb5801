using TelephonyHub.Abstractions.Queues;

namespace TelephonyHub.Grains.Portals;

public sealed partial class PortalGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: queue of line '{LineNumber}' saved ({Mode}, {Members} member(s))")]
    private static partial void LogQueueSaved(ILogger logger, string portalId, string lineNumber, QueueMode mode, int members);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: queue of line '{LineNumber}' refused: {Errors}")]
    private static partial void LogQueueRefused(ILogger logger, string portalId, string lineNumber, string errors);

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {PortalId}: queue of line '{LineNumber}' removed")]
    private static partial void LogQueueRemoved(ILogger logger, string portalId, string lineNumber);
}
