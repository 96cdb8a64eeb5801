using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Presence;

public sealed partial class PresenceGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Extension {Extension} of portal {PortalId} is now {State}")]
    private static partial void LogChanged(ILogger logger, string portalId, string extension, ExtensionState state);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Portal {PortalId}: operator {UserId} (extension {Extension}) is {State} while call {CallKey} is offered to them")]
    private static partial void LogOfferedOperatorUnavailable(ILogger logger, string portalId, long userId, string extension, ExtensionState state, string callKey);
}
