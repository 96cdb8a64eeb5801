using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// The statistics row <c>telephony.externalcall.finish</c> returns (reference §5.3). <c>CALL_START_DATE</c> arrives as
/// <c>{}</c> (a PHP DateTime leak) and is therefore not offered: keep the start time you sent.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-finish-external-call-result-v1")]
public sealed record FinishExternalCallResult
{
    /// <summary>The statistics row id (<c>ID</c>).</summary>
    [Id(0)] public long Id { get; init; }

    /// <summary><c>CALL_ID</c>.</summary>
    [Id(1)] public string CallId { get; init; } = string.Empty;

    /// <summary><c>EXTERNAL_CALL_ID</c> as given to register.</summary>
    [Id(2)] public string? ExternalCallId { get; init; }

    /// <summary><c>PORTAL_USER_ID</c>: the finishing user.</summary>
    [Id(3)] public long? PortalUserId { get; init; }

    /// <summary><c>PHONE_NUMBER</c>: the customer number as Bitrix24 normalised it.</summary>
    [Id(4)] public string? PhoneNumber { get; init; }

    /// <summary><c>PORTAL_NUMBER</c>: the line, or <c>REST_APP:{id}</c> when none was given.</summary>
    [Id(5)] public string? PortalNumber { get; init; }

    /// <summary><c>INCOMING</c>: the call type (sent as a string).</summary>
    [Id(6)] public ExternalCallType? CallType { get; init; }

    /// <summary><c>CALL_DURATION</c> in seconds.</summary>
    [Id(7)] public long DurationSeconds { get; init; }

    /// <summary><c>CALL_STATUS</c>: true when a conversation happened.</summary>
    [Id(8)] public bool Answered { get; init; }

    /// <summary><c>CALL_VOTE</c>.</summary>
    [Id(9)] public long? Vote { get; init; }

    /// <summary><c>COST</c>.</summary>
    [Id(10)] public decimal? Cost { get; init; }

    /// <summary><c>COST_CURRENCY</c>.</summary>
    [Id(11)] public string? CostCurrency { get; init; }

    /// <summary><c>CALL_FAILED_CODE</c>: the effective status code.</summary>
    [Id(12)] public string? StatusCode { get; init; }

    /// <summary><c>CALL_FAILED_REASON</c>.</summary>
    [Id(13)] public string? FailedReason { get; init; }

    /// <summary><c>REST_APP_ID</c>.</summary>
    [Id(14)] public string? RestAppId { get; init; }

    /// <summary><c>CRM_ACTIVITY_ID</c>: the created or updated CRM call activity.</summary>
    [Id(15)] public long? CrmActivityId { get; init; }

    /// <summary><c>CRM_ENTITY_TYPE</c>, when the call has a primary CRM entity.</summary>
    [Id(16)] public string? CrmEntityType { get; init; }

    /// <summary><c>CRM_ENTITY_ID</c>, when the call has a primary CRM entity.</summary>
    [Id(17)] public long? CrmEntityId { get; init; }

    /// <summary><c>ERRORS</c>: partial failures such as <c>ACTIVITY_CREATION</c>; empty when none.</summary>
    [Id(18)] public ImmutableDictionary<string, string> Errors { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary><c>COMMENT</c>.</summary>
    [Id(19)] public string? Comment { get; init; }

    internal static FinishExternalCallResult Parse(JsonElement result)
    {
        result.RequireObject("The finish result");
        return new FinishExternalCallResult
        {
            Id = result.RequiredLong("ID"),
            CallId = result.RequiredText("CALL_ID"),
            ExternalCallId = result.Text("EXTERNAL_CALL_ID"),
            PortalUserId = result.Long("PORTAL_USER_ID"),
            PhoneNumber = result.Text("PHONE_NUMBER"),
            PortalNumber = result.Text("PORTAL_NUMBER"),
            CallType = result.Long("INCOMING") is { } type && Enum.IsDefined((ExternalCallType)type) ? (ExternalCallType)type : null,
            DurationSeconds = result.Long("CALL_DURATION") ?? 0,
            Answered = result.Bool("CALL_STATUS") ?? false,
            Vote = result.Long("CALL_VOTE"),
            Cost = result.Decimal("COST"),
            CostCurrency = result.Text("COST_CURRENCY"),
            StatusCode = result.Text("CALL_FAILED_CODE"),
            FailedReason = result.Text("CALL_FAILED_REASON"),
            RestAppId = result.Text("REST_APP_ID"),
            CrmActivityId = result.Long("CRM_ACTIVITY_ID"),
            Comment = result.Text("COMMENT"),
            CrmEntityType = result.Text("CRM_ENTITY_TYPE") is { Length: > 0 } entityType ? entityType : null,
            CrmEntityId = result.Long("CRM_ENTITY_ID"),
            Errors = result.Property("ERRORS") is { } errors
                ? errors.Entries().Where(e => e.Value.AsString() is not null)
                    .ToImmutableDictionary(e => e.Key, e => e.Value.AsString()!, StringComparer.Ordinal)
                : ImmutableDictionary<string, string>.Empty,
        };
    }
}
