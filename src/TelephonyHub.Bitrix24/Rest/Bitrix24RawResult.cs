namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// The successful part of a response envelope (reference §1.3), or of one command in a batch (§1.6):
/// the <c>result</c> plus the list paging fields <c>total</c> and <c>next</c>.
/// </summary>
/// <param name="Result">The raw <c>result</c> JSON value.</param>
/// <param name="Total">Total number of records (list methods only).</param>
/// <param name="Next">The <c>start</c> of the next page; null on the last page.</param>
public readonly record struct Bitrix24RawResult(JsonElement Result, long? Total, long? Next);
