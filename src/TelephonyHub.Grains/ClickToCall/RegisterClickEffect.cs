using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>Register the call in Bitrix24 because the portal did not (<c>telephony.externalcall.register</c>).</summary>
[GenerateSerializer, Immutable, Alias("click-effect-register-v1")]
public sealed record RegisterClickEffect : ClickEffect
{
    [Id(0)] public required long UserId { get; init; }

    [Id(1)] public required string Number { get; init; }

    /// <summary>1 (outgoing) for a click, 4 (callback) for a callback form (reference §5.1).</summary>
    [Id(2)] public required ExternalCallType Type { get; init; }

    [Id(3)] public required DateTimeOffset StartedAt { get; init; }

    [Id(4)] public required bool ShowCard { get; init; }

    [Id(5)] public string? LineNumber { get; init; }

    [Id(6)] public long? CallListId { get; init; }

    [Id(7)] public string? CrmEntityType { get; init; }

    [Id(8)] public long? CrmEntityId { get; init; }
}
