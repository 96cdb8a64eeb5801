using System.Diagnostics.CodeAnalysis;

namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// The result of a <c>batch</c> call: one <see cref="Bitrix24BatchItemOutcome"/> per command, in the order sent.
/// When the batch call itself failed (transport, token, rate limit) no command ran and every item carries that
/// same <see cref="Error"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-batch-outcome-v1")]
public sealed record Bitrix24BatchOutcome
{
    /// <summary>The failure of the batch call itself, or null when the portal ran the batch.</summary>
    [Id(0)] public Bitrix24Error? Error { get; init; }

    /// <summary>One entry per command, in the order the commands were given.</summary>
    [Id(1)] public ImmutableArray<Bitrix24BatchItemOutcome> Items { get; init; } = [];

    /// <summary>The outer call's <c>time</c> block.</summary>
    [Id(2)] public Bitrix24Timing? Timing { get; init; }

    /// <summary>The portal's new <c>client_endpoint</c> after a followed redirect (reference §1.1).</summary>
    [Id(3)] public Uri? MovedTo { get; init; }

    /// <summary>True when the portal ran the batch (commands may still have failed one by one).</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The item for <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No command had that key.</exception>
    public Bitrix24BatchItemOutcome this[string key] =>
        Items.FirstOrDefault(i => string.Equals(i.Key, key, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The batch had no command '{key}'.");

    /// <summary>The typed outcome of the command <paramref name="key"/>.</summary>
    public Bitrix24Outcome<TResult> OutcomeOf<TResult>(string key)
        where TResult : notnull => this[key].As<TResult>() with { MovedTo = MovedTo };
}
