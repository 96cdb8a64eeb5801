using Microsoft.Extensions.Logging;

namespace TelephonyHub.Bitrix24.Rest;

public sealed partial class Bitrix24RestClient
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bitrix24 {Method} on {PortalHost} failed: {Kind} (HTTP {HttpStatus}, error '{ErrorCode}': {ErrorDescription})")]
    private static partial void LogCallFailed(ILogger logger, string method, string portalHost, Bitrix24ErrorKind kind,
        int? httpStatus, string errorCode, string errorDescription);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bitrix24 batch command {CommandKey} on {PortalHost} failed: {Kind} (error '{ErrorCode}': {ErrorDescription})")]
    private static partial void LogBatchCommandFailed(ILogger logger, string commandKey, string portalHost, Bitrix24ErrorKind kind,
        string errorCode, string errorDescription);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Bitrix24 portal {PortalHost} moved: {Method} re-posted to {NewAddress}")]
    private static partial void LogRedirected(ILogger logger, string method, string portalHost, string newAddress);
}
