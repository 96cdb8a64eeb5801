using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Tests.Rest;

/// <summary>The system-error table of reference §1.4 plus the telephony validation errors of §5.</summary>
public static class ErrorCases
{
    public static TheoryData<int, string, string, Bitrix24ErrorKind> All => new()
    {
        { 401, "expired_token", "The access token provided has expired.", Bitrix24ErrorKind.ExpiredToken },
        { 401, "invalid_token", "The access token provided is invalid.", Bitrix24ErrorKind.InvalidToken },
        { 401, "NO_AUTH_FOUND", "Wrong authorization data", Bitrix24ErrorKind.InvalidToken },
        { 401, "METHOD_CONFIRM_WAITING", "Waiting for confirmation", Bitrix24ErrorKind.AccessDenied },
        { 403, "METHOD_CONFIRM_DENIED", "Method call denied", Bitrix24ErrorKind.AccessDenied },
        { 403, "insufficient_scope", "The request requires higher privileges than provided by the webhook token", Bitrix24ErrorKind.AccessDenied },
        { 403, "INVALID_CREDENTIALS", "Invalid request credentials", Bitrix24ErrorKind.AccessDenied },
        { 403, "ACCESS_DENIED", "REST API is available only on commercial plans", Bitrix24ErrorKind.AccessDenied },
        { 403, "WRONG_AUTH_TYPE", "Current authorization type is denied for this method", Bitrix24ErrorKind.AccessDenied },
        { 403, "user_access_error", "The user does not have access to the application", Bitrix24ErrorKind.AccessDenied },
        { 403, "PORTAL_DELETED", "Portal was deleted", Bitrix24ErrorKind.AppRevoked },
        { 500, "PORTAL_DELETED", "Portal was deleted", Bitrix24ErrorKind.AppRevoked },
        { 404, "ERROR_METHOD_NOT_FOUND", "Method not found!", Bitrix24ErrorKind.MethodNotFound },
        { 400, "INVALID_REQUEST", "Https required", Bitrix24ErrorKind.Validation },
        { 400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded", Bitrix24ErrorKind.Validation },
        { 405, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage", Bitrix24ErrorKind.Validation },
        { 429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.", Bitrix24ErrorKind.OperationTimeLimit },
        { 503, "QUERY_LIMIT_EXCEEDED", "Too many requests", Bitrix24ErrorKind.QueryLimitExceeded },
        { 429, "QUERY_LIMIT_EXCEEDED", "Too many requests", Bitrix24ErrorKind.QueryLimitExceeded },
        { 503, "OVERLOAD_LIMIT", "REST API is blocked due to overload", Bitrix24ErrorKind.Transient },
        { 500, "INTERNAL_SERVER_ERROR", "Internal server error", Bitrix24ErrorKind.Transient },
        { 500, "ERROR_UNEXPECTED_ANSWER", "Server returned an unexpected response", Bitrix24ErrorKind.Transient },
        { 400, "", "Call is not found (call should be registered prior to finishing", Bitrix24ErrorKind.Validation },
        { 400, "ERROR_CORE", "USER_ID or USER_PHONE_INNER should be set", Bitrix24ErrorKind.Validation },
        { 400, "ERROR_ARGUMENT", "The filter is not an array.", Bitrix24ErrorKind.Validation },
        { 400, "INVALID_ARGUMENT", "CALL_ID must be a string", Bitrix24ErrorKind.Validation },
        { 400, "Communication type is not defined", "", Bitrix24ErrorKind.Validation },
        { 200, "WRONG_ENCODING", "Wrong request encoding", Bitrix24ErrorKind.Validation },
        { 502, "", "", Bitrix24ErrorKind.Transient },
    };
}
