using System.Diagnostics.CodeAnalysis;

namespace TelephonyHub.Bitrix24.Events;

/// <summary>A parsed inbound POST or the reason it could not be parsed; parsers never throw on bad input.</summary>
/// <typeparam name="T">The parsed type.</typeparam>
public sealed record Bitrix24ParseResult<T>
    where T : class
{
    /// <summary>The parsed value; set exactly when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; private init; }

    /// <summary>The problem; set exactly when not <see cref="IsSuccess"/>.</summary>
    public Bitrix24ParseError? Error { get; private init; }

    /// <summary>True when the input was parsed.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>A success.</summary>
    public static Bitrix24ParseResult<T> Success(T value) => new() { Value = value };

    /// <summary>A failure naming the field.</summary>
    public static Bitrix24ParseResult<T> Failure(string field, string message) => new() { Error = new Bitrix24ParseError(field, message) };

    /// <summary>A failure carrying an earlier error.</summary>
    public static Bitrix24ParseResult<T> Failure(Bitrix24ParseError error) => new() { Error = error };
}
