namespace TelephonyHub.Abstractions.Pbx;

/// <summary>Click-to-call: ring the user's extension, then dial the customer.</summary>
[GenerateSerializer, Immutable, Alias("pbx-originate-v1")]
public sealed record OriginateCallCommand(
    [property: Id(0)] string Extension,
    [property: Id(1)] string Number,
    [property: Id(2)] string? LineNumber,
    [property: Id(3)] string? Bitrix24CallId) : PbxCommand;
