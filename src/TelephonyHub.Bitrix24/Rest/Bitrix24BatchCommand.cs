namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// One command of a <c>batch</c> call (reference §1.6): the key it is known by in the response and in
/// back-references (<c>$result[key][CALL_ID]</c>), and the request to run.
/// </summary>
/// <param name="Key">Command id: letters, digits, <c>_</c> or <c>-</c>, unique within the batch.</param>
/// <param name="Request">The request to run.</param>
[GenerateSerializer, Immutable, Alias("b24-batch-command-v1")]
public sealed record Bitrix24BatchCommand([property: Id(0)] string Key, [property: Id(1)] Bitrix24Request Request);
