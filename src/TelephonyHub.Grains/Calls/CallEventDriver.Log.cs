namespace TelephonyHub.Grains.Calls;

public sealed partial class CallEventDriver
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Call {CallKey}: {EventType} came before Bitrix24 named the caller's manager; the call is registered without CRM routing")]
    private static partial void LogCrmLookupOvertaken(ILogger logger, string callKey, string eventType);
}
