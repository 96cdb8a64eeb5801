namespace TelephonyHub.PortalEmulator.OAuth;

public sealed partial class TokenEndpoint
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a refresh for app {ClientId} on portal {Domain}: used, revoked or expired refresh token")]
    private static partial void LogRefused(ILogger logger, string domain, string clientId);
}
