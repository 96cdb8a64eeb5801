namespace TelephonyHub.Abstractions.Calls;

/// <summary>The call moved to another extension.</summary>
[GenerateSerializer, Immutable, Alias("call-transferred-v1")]
public sealed record CallTransferred : CallEvent
{
    [Id(0)] public string? FromExtension { get; init; }

    [Id(1)] public required string ToExtension { get; init; }
}
