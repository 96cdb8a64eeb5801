namespace TelephonyHub.Bitrix24.Rest;

/// <summary>A REST call whose successful <c>result</c> parses into <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">The typed result (a record, a list of records, or a scalar such as <see cref="bool"/>).</typeparam>
[GenerateSerializer, Immutable, Alias("b24-request-v1`1")]
public abstract record Bitrix24Request<TResult> : Bitrix24Request
    where TResult : notnull
{
    /// <summary>
    /// Parses the <c>result</c> of the envelope tolerantly (string-or-number ids, <c>[]</c> for empty objects,
    /// reference §1.3).
    /// </summary>
    /// <exception cref="Bitrix24ResponseFormatException">The result does not have the documented shape.</exception>
    public abstract TResult ParseResult(Bitrix24RawResult raw);

    /// <inheritdoc />
    public sealed override object ParseResultObject(Bitrix24RawResult raw) => ParseResult(raw);
}
