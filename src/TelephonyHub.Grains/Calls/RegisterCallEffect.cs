namespace TelephonyHub.Grains.Calls;

/// <summary>Register the call in Bitrix24 (<c>telephony.externalCall.register</c>), optionally showing the card.</summary>
[GenerateSerializer, Immutable, Alias("call-effect-register-v1")]
public sealed record RegisterCallEffect : CallEffect
{
    [Id(0)] public required long UserId { get; init; }

    [Id(1)] public required string CustomerNumber { get; init; }

    [Id(2)] public required CallDirection Direction { get; init; }

    [Id(3)] public required DateTimeOffset StartedAt { get; init; }

    [Id(4)] public string? LineNumber { get; init; }

    /// <summary>Our unique id of the physical call (<c>EXTERNAL_CALL_ID</c>), against Bitrix24's de-duplication.</summary>
    [Id(5)] public required string ExternalCallId { get; init; }

    [Id(6)] public required bool ShowCard { get; init; }
}
