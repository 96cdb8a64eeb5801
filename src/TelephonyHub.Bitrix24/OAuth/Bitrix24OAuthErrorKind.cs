namespace TelephonyHub.Bitrix24.OAuth;

/// <summary>What a failed token request means (reference §3.4).</summary>
public enum Bitrix24OAuthErrorKind
{
    /// <summary><c>invalid_grant</c>: the refresh token expired, was already used, or is unknown. The portal must re-authorise (reinstall).</summary>
    RefreshTokenDead = 1,

    /// <summary><c>invalid_client</c> / <c>wrong_client</c>: bad client id/secret, or the app is not installed on that portal.</summary>
    InvalidClient = 2,

    /// <summary><c>PAYMENT_REQUIRED</c>: the Market app's paid period is over; no tokens until paid.</summary>
    PaymentRequired = 3,

    /// <summary><c>invalid_scope</c> / <c>insufficient_scope</c>: scope beyond the app card.</summary>
    InvalidScope = 4,

    /// <summary><c>invalid_request</c> or any other refusal by the OAuth server.</summary>
    Rejected = 5,

    /// <summary>Connection failure, timeout, 5xx or an unreadable answer: retry later.</summary>
    Transient = 6,
}
