using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Abstractions.Dispatch;

/// <summary>The final word on a dispatched request: its typed result, or the permanent error that ended it.</summary>
[GenerateSerializer, Immutable, Alias("dispatch-result-v1")]
public sealed record DispatchResult
{
    [Id(0)] public required string RequestId { get; init; }

    /// <summary>The request's typed result (e.g. <c>RegisterExternalCallResult</c>) when it succeeded.</summary>
    [Id(1)] public object? Value { get; init; }

    /// <summary>Why it will never succeed (validation, revoked access, its lane's register failed).</summary>
    [Id(2)] public Bitrix24Error? Error { get; init; }

    /// <summary>The request as it was finally sent (with its <c>CALL_ID</c> filled in, or its card dropped).</summary>
    [Id(3)] public required Bitrix24Request Request { get; init; }

    public bool Succeeded => Error is null;
}
