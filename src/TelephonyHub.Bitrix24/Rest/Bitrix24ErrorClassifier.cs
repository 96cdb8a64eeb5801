namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// Maps an HTTP status and the envelope's <c>error</c> code to a <see cref="Bitrix24ErrorKind"/> following the
/// reference's system-error table (§1.4). Codes are compared case-insensitively: the portal mixes
/// <c>expired_token</c> and <c>QUERY_LIMIT_EXCEEDED</c>.
/// </summary>
public static class Bitrix24ErrorClassifier
{
    private static readonly Dictionary<string, Bitrix24ErrorKind> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["expired_token"] = Bitrix24ErrorKind.ExpiredToken,
        ["invalid_token"] = Bitrix24ErrorKind.InvalidToken,
        ["NO_AUTH_FOUND"] = Bitrix24ErrorKind.InvalidToken,
        ["QUERY_LIMIT_EXCEEDED"] = Bitrix24ErrorKind.QueryLimitExceeded,
        ["OPERATION_TIME_LIMIT"] = Bitrix24ErrorKind.OperationTimeLimit,
        ["ERROR_CORE"] = Bitrix24ErrorKind.Validation,
        ["ERROR_ARGUMENT"] = Bitrix24ErrorKind.Validation,
        ["INVALID_ARGUMENT"] = Bitrix24ErrorKind.Validation,
        ["INVALID_REQUEST"] = Bitrix24ErrorKind.Validation,
        ["ERROR_BATCH_LENGTH_EXCEEDED"] = Bitrix24ErrorKind.Validation,
        ["ERROR_BATCH_METHOD_NOT_ALLOWED"] = Bitrix24ErrorKind.Validation,
        ["ERROR_EVENT_NOT_FOUND"] = Bitrix24ErrorKind.Validation,
        ["WRONG_ENCODING"] = Bitrix24ErrorKind.Validation,
        ["METHOD_CONFIRM_WAITING"] = Bitrix24ErrorKind.AccessDenied,
        ["METHOD_CONFIRM_DENIED"] = Bitrix24ErrorKind.AccessDenied,
        ["insufficient_scope"] = Bitrix24ErrorKind.AccessDenied,
        ["INVALID_CREDENTIALS"] = Bitrix24ErrorKind.AccessDenied,
        ["ACCESS_DENIED"] = Bitrix24ErrorKind.AccessDenied,
        ["WRONG_AUTH_TYPE"] = Bitrix24ErrorKind.AccessDenied,
        ["user_access_error"] = Bitrix24ErrorKind.AccessDenied,
        ["PORTAL_DELETED"] = Bitrix24ErrorKind.AppRevoked,
        ["ERROR_METHOD_NOT_FOUND"] = Bitrix24ErrorKind.MethodNotFound,
        ["INTERNAL_SERVER_ERROR"] = Bitrix24ErrorKind.Transient,
        ["ERROR_UNEXPECTED_ANSWER"] = Bitrix24ErrorKind.Transient,
        // A manual block by Bitrix24 support (§1.4): nothing we send will pass until it is lifted, but it is
        // lifted eventually and the call's record must not be dropped, so back off and retry.
        ["OVERLOAD_LIMIT"] = Bitrix24ErrorKind.Transient,
    };

    /// <summary>Classifies an error envelope.</summary>
    /// <param name="httpStatus">The HTTP status of the response (batch sub-commands: null).</param>
    /// <param name="code">The raw <c>error</c> value; <c>""</c> is the server's default validation code (§5.0).</param>
    public static Bitrix24ErrorKind Classify(int? httpStatus, string code)
    {
        if (code.Length > 0 && ByCode.TryGetValue(code, out var kind))
        {
            return kind;
        }

        return httpStatus switch
        {
            401 => Bitrix24ErrorKind.InvalidToken,
            403 => Bitrix24ErrorKind.AccessDenied,
            404 => Bitrix24ErrorKind.MethodNotFound,
            // A bare 429 is the 2024 docs' spelling of the leaky-bucket limit (§2.1).
            429 => Bitrix24ErrorKind.QueryLimitExceeded,
            408 => Bitrix24ErrorKind.Transient,
            >= 500 => Bitrix24ErrorKind.Transient,
            // "" (default RestException, HTTP 400), crm.duplicate.findbycomm's message-as-code and any other 4xx or a
            // 200 carrying an error: the portal understood us and said no.
            _ => Bitrix24ErrorKind.Validation,
        };
    }
}
