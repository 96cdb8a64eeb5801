using Microsoft.Extensions.Logging;

namespace TelephonyHub.Bitrix24.OAuth;

public sealed partial class Bitrix24OAuthClient
{
    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Bitrix24 token request failed: {Kind} (HTTP {HttpStatus}, error '{ErrorCode}': {ErrorDescription})")]
    private static partial void LogTokenRequestFailed(ILogger logger, Bitrix24OAuthErrorKind kind, int? httpStatus,
        string errorCode, string errorDescription);
}
