namespace TelephonyHub.PortalEmulator.Hosting;

public sealed partial class SeedLoader
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {PortalCount} portals and {AppCount} apps from {Path}")]
    private static partial void LogSeeded(ILogger logger, string path, int portalCount, int appCount);
}
