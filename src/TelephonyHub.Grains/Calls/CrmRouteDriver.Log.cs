using TelephonyHub.Grains.CrmRouting;

namespace TelephonyHub.Grains.Calls;

public sealed partial class CrmRouteDriver
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: asking Bitrix24 who is responsible for {MaskedNumber}")]
    private static partial void LogCrmLookingUp(ILogger logger, string callKey, string maskedNumber);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Call {CallKey}: {EntityType} {EntityId} belongs to user {UserId}, who is free: the PBX transfers the call to extension {Extension}")]
    private static partial void LogCrmRingingManager(ILogger logger, string callKey, string entityType, long entityId, long userId, string extension);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallKey} goes to queue '{Queue}', not to a CRM manager: {Reason} {Detail}")]
    private static partial void LogCrmFellBack(ILogger logger, string callKey, CrmFallbackReason reason, string detail, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey} goes to queue '{Queue}', not to a CRM manager: {Reason} {Detail}")]
    private static partial void LogCrmFailedOver(ILogger logger, string callKey, CrmFallbackReason reason, string detail, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallKey}: Bitrix24 refused the CRM lookup {Method}: {Code} {Description}")]
    private static partial void LogCrmLookupFailed(ILogger logger, string callKey, string method, string code, string description);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallKey}: the answer to {Method} came after the call stopped waiting for it")]
    private static partial void LogCrmLookupStale(ILogger logger, string callKey, string method);
}
