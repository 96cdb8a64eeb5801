namespace TelephonyHub.PortalEmulator.Rest;

public sealed partial class RestGateway
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Domain}: aborted {Method} (injected unreachable fault)")]
    private static partial void LogAborted(ILogger logger, string domain, string method);
}
