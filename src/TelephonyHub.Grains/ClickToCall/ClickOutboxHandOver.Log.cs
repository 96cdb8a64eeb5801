namespace TelephonyHub.Grains.ClickToCall;

public sealed partial class ClickOutboxHandOver
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Click {ClickKey}: {Count} effect(s) stored but not performed yet")]
    private static partial void LogOutboxFailed(ILogger logger, string clickKey, int count, Exception exception);
}
