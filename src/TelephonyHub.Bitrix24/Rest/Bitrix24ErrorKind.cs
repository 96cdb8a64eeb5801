namespace TelephonyHub.Bitrix24.Rest;

/// <summary>What a failed call means for the caller (reference §1.4, §2).</summary>
public enum Bitrix24ErrorKind
{
    /// <summary>401 <c>expired_token</c>: refresh the token (OAuth) and send the request again.</summary>
    ExpiredToken = 1,

    /// <summary>401 <c>invalid_token</c> / <c>NO_AUTH_FOUND</c>: the token is unknown or revoked; the portal must re-authorise.</summary>
    InvalidToken = 2,

    /// <summary>503 (or 429) <c>QUERY_LIMIT_EXCEEDED</c>: the portal's leaky bucket is full (§2.1); back off and retry.</summary>
    QueryLimitExceeded = 3,

    /// <summary>429 <c>OPERATION_TIME_LIMIT</c>: this method is blocked until <see cref="Bitrix24Error.OperatingResetAt"/> (§2.2).</summary>
    OperationTimeLimit = 4,

    /// <summary>The portal rejected the parameters: <c>""</c>, <c>ERROR_CORE</c>, <c>ERROR_ARGUMENT</c>, <c>INVALID_ARGUMENT</c>, other 400s. Retrying will not help.</summary>
    Validation = 5,

    /// <summary>403 family: missing scope, rights, plan, wrong auth type, method confirmation refused or pending.</summary>
    AccessDenied = 6,

    /// <summary>The app or portal is gone (<c>PORTAL_DELETED</c>).</summary>
    AppRevoked = 7,

    /// <summary>404 <c>ERROR_METHOD_NOT_FOUND</c>: unknown method or scope not granted.</summary>
    MethodNotFound = 8,

    /// <summary>Connection failure, timeout, 5xx, <c>INTERNAL_SERVER_ERROR</c>, <c>OVERLOAD_LIMIT</c>: retry later with back-off.</summary>
    Transient = 9,

    /// <summary>A 2xx answer whose <c>result</c> does not have the documented shape; retrying the same request will not help.</summary>
    UnexpectedResponse = 10,

    /// <summary>A batch command the portal never ran (an earlier command failed with <c>halt=1</c>); safe to send again.</summary>
    NotExecuted = 11,
}
