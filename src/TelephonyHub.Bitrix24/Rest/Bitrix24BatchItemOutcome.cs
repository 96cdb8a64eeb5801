using System.Diagnostics.CodeAnalysis;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// What became of one command of a batch: its typed result (parsed by the command's own request) or its error,
/// with its own <c>time</c> block (each inner call counts against its own method's budget, reference §1.6).
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-batch-item-outcome-v1")]
public sealed record Bitrix24BatchItemOutcome
{
    /// <summary>The command key.</summary>
    [Id(0)] public required string Key { get; init; }

    /// <summary>The typed result (the request's <c>TResult</c>), set exactly when <see cref="IsSuccess"/>.</summary>
    [Id(1)] public object? Value { get; init; }

    /// <summary>The failure: the command's own <c>result_error</c>, the whole batch's failure, or
    /// <see cref="Bitrix24ErrorKind.NotExecuted"/> when <c>halt</c> stopped the batch before it.</summary>
    [Id(2)] public Bitrix24Error? Error { get; init; }

    /// <summary>The command's <c>result_time</c> entry.</summary>
    [Id(3)] public Bitrix24Timing? Timing { get; init; }

    /// <summary>The command's <c>result_total</c> entry.</summary>
    [Id(4)] public long? Total { get; init; }

    /// <summary>The command's <c>result_next</c> entry.</summary>
    [Id(5)] public long? Next { get; init; }

    /// <summary>True when the command succeeded.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>This item as the typed outcome of the request it came from.</summary>
    /// <exception cref="InvalidCastException">The command's request does not return <typeparamref name="TResult"/>.</exception>
    public Bitrix24Outcome<TResult> As<TResult>()
        where TResult : notnull =>
        IsSuccess
            ? new Bitrix24Outcome<TResult> { Value = (TResult)Value, Timing = Timing, Total = Total, Next = Next }
            : Bitrix24Outcome<TResult>.Failure(Error, Timing);
}
