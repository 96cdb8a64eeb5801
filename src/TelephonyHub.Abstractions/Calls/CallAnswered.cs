namespace TelephonyHub.Abstractions.Calls;

/// <summary>The call was picked up at an extension.</summary>
[GenerateSerializer, Immutable, Alias("call-answered-v1")]
public sealed record CallAnswered : CallEvent
{
    [Id(0)] public required string Extension { get; init; }
}
