namespace TelephonyHub.PortalEmulator.Apps;

public sealed partial class AppLifecycle
{
    [LoggerMessage(Level = LogLevel.Information, Message = "App {ClientId} installed on portal {Domain}")]
    private static partial void LogInstalled(ILogger logger, string clientId, string domain);

    [LoggerMessage(Level = LogLevel.Information, Message = "App {ClientId} installing on portal {Domain}: its installer page is open")]
    private static partial void LogInstallStarted(ILogger logger, string clientId, string domain);

    [LoggerMessage(Level = LogLevel.Information, Message = "App {ClientId} uninstalled from portal {Domain}")]
    private static partial void LogUninstalled(ILogger logger, string clientId, string domain);
}
