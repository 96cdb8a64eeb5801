namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// A failed Bitrix24 call, from the error envelope <c>{"error": "...", "error_description": "..."}</c>
/// (reference §1.3, §1.4) or from the transport. Never thrown: it comes back inside an outcome.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-error-v1")]
public sealed record Bitrix24Error
{
    /// <summary>What the failure means for the caller.</summary>
    [Id(0)] public required Bitrix24ErrorKind Kind { get; init; }

    /// <summary>The HTTP status, or null when no response arrived (connection failure, timeout).</summary>
    [Id(1)] public int? HttpStatus { get; init; }

    /// <summary>The raw <c>error</c> code; may be the empty string (telephony validation errors, reference §5.0).</summary>
    [Id(2)] public string Code { get; init; } = string.Empty;

    /// <summary>The raw <c>error_description</c> (not for end users), or a transport failure message.</summary>
    [Id(3)] public string Description { get; init; } = string.Empty;

    /// <summary>For <see cref="Bitrix24ErrorKind.OperationTimeLimit"/>: when the method's budget frees up, if the body said so.
    /// When null, use the <c>operating_reset_at</c> of the method's last successful <see cref="Bitrix24Timing"/>.</summary>
    [Id(4)] public DateTimeOffset? OperatingResetAt { get; init; }

    /// <summary>The <c>Retry-After</c> header the portal sent with the error, if any.</summary>
    [Id(5)] public TimeSpan? RetryAfter { get; init; }

    /// <summary>
    /// True when sending the same request again later, unchanged, may succeed: transient failures, the two rate
    /// limits, and batch commands that never ran.
    /// </summary>
    public bool IsTransient => Kind is Bitrix24ErrorKind.Transient or Bitrix24ErrorKind.QueryLimitExceeded
        or Bitrix24ErrorKind.OperationTimeLimit or Bitrix24ErrorKind.NotExecuted;

    /// <summary>True for <see cref="Bitrix24ErrorKind.ExpiredToken"/>: refresh the token, then resend.</summary>
    public bool RequiresTokenRefresh => Kind == Bitrix24ErrorKind.ExpiredToken;

    /// <summary>True when resending can never succeed without outside change (validation, access, revoked app).</summary>
    public bool IsPermanent => !IsTransient && !RequiresTokenRefresh;

    /// <summary>A transport failure (no HTTP answer): connection refused, reset, DNS, timeout.</summary>
    public static Bitrix24Error TransportFailure(string description) =>
        new() { Kind = Bitrix24ErrorKind.Transient, Description = description };
}
