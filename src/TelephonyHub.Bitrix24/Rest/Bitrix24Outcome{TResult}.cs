using System.Diagnostics.CodeAnalysis;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// The result of one REST call: a typed value or a <see cref="Bitrix24Error"/>, never an exception. Carries the
/// response's <c>time</c> block and, when the portal moved (HTTP 302, reference §1.1), its new endpoint.
/// </summary>
/// <typeparam name="TResult">The request's result type.</typeparam>
[GenerateSerializer, Immutable, Alias("b24-outcome-v1`1")]
public sealed record Bitrix24Outcome<TResult>
    where TResult : notnull
{
    /// <summary>The parsed result; set exactly when <see cref="IsSuccess"/>.</summary>
    [Id(0)] public TResult? Value { get; init; }

    /// <summary>The failure; set exactly when not <see cref="IsSuccess"/>.</summary>
    [Id(1)] public Bitrix24Error? Error { get; init; }

    /// <summary>The response's <c>time</c> block, when the portal sent one.</summary>
    [Id(2)] public Bitrix24Timing? Timing { get; init; }

    /// <summary>List methods: the total record count (<c>total</c>).</summary>
    [Id(3)] public long? Total { get; init; }

    /// <summary>List methods: the <c>start</c> of the next page (<c>next</c>); null on the last page.</summary>
    [Id(4)] public long? Next { get; init; }

    /// <summary>
    /// The portal's new <c>client_endpoint</c> when it answered with a redirect that the client followed
    /// (domain change, reference §1.1). The caller should store it; <c>member_id</c> stays the same.
    /// </summary>
    [Id(5)] public Uri? MovedTo { get; init; }

    /// <summary>True when the call succeeded and <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A successful outcome.</summary>
    public static Bitrix24Outcome<TResult> Success(TResult value, Bitrix24Timing? timing = null) =>
        new() { Value = value, Timing = timing };

    /// <summary>A failed outcome.</summary>
    public static Bitrix24Outcome<TResult> Failure(Bitrix24Error error, Bitrix24Timing? timing = null) =>
        new() { Error = error, Timing = timing };
}
