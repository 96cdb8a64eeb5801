using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// <c>telephony.externalcall.finish</c> (reference §5.3): ends the call, writes the statistics row, creates the CRM
/// call activity and hides the card for the finishing user (only for that user: hide the others explicitly).
/// </summary>
/// <param name="CallId">The <c>CALL_ID</c>; null until the register answered (see <see cref="ICallScopedRequest"/>).</param>
/// <param name="UserId">The user who handled or finished the call (<c>USER_ID</c>).</param>
/// <param name="DurationSeconds">Talk time in seconds (<c>DURATION</c>); Bitrix24 counts the call as answered iff it is &gt; 0.</param>
/// <param name="StatusCode">The result code (<c>STATUS_CODE</c>), see <see cref="CallStatusCode"/>.</param>
/// <param name="AddToChat">Post the call summary to the user's chat (<c>ADD_TO_CHAT</c>). Always sent: docs and server
/// disagree on the default (reference open question 2).</param>
/// <param name="Cost">Call cost (<c>COST</c>).</param>
/// <param name="CostCurrency">Currency of the cost, e.g. <c>EUR</c> (<c>COST_CURRENCY</c>).</param>
/// <param name="FailedReason">Free-text failure reason (<c>FAILED_REASON</c>).</param>
/// <param name="Vote">Call rating 1..5 (<c>VOTE</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-finish-external-call-v1")]
public sealed record FinishExternalCall(
    [property: Id(0)] string? CallId,
    [property: Id(1)] long UserId,
    [property: Id(2)] int DurationSeconds,
    [property: Id(3)] string StatusCode,
    [property: Id(4)] bool AddToChat,
    [property: Id(5)] decimal? Cost = null,
    [property: Id(6)] string? CostCurrency = null,
    [property: Id(7)] string? FailedReason = null,
    [property: Id(8)] int? Vote = null) : Bitrix24Request<FinishExternalCallResult>, ICallScopedRequest
{
    /// <inheritdoc />
    public override string Method => "telephony.externalcall.finish";

    /// <inheritdoc />
    public Bitrix24Request WithCallId(string callId) => this with { CallId = callId };

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters
        .Add("CALL_ID", CallCardParameters.RequireCallId(CallId))
        .Add("USER_ID", UserId)
        .Add("DURATION", (long)DurationSeconds)
        .Add("COST", Cost)
        .Add("COST_CURRENCY", CostCurrency)
        .Add("STATUS_CODE", StatusCode)
        .Add("FAILED_REASON", FailedReason)
        .Add("VOTE", Vote)
        .AddOneZero("ADD_TO_CHAT", AddToChat);

    /// <inheritdoc />
    public override FinishExternalCallResult ParseResult(Bitrix24RawResult raw) => FinishExternalCallResult.Parse(raw.Result);
}
