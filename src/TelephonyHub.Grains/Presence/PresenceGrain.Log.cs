using TelephonyHub.Abstractions.Presence;

namespace TelephonyHub.Grains.Presence;

public sealed partial class PresenceGrain
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Extension {Extension} of portal {PortalId} is now {State}")]
    private static partial void LogChanged(ILogger logger, string portalId, string extension, ExtensionState state);
}
