using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// <c>telephony.externalcall.hide</c> (reference §5.2): hides the call card from users. The result is true when the
/// UI command went out, false when the call is unknown or already finished.
/// </summary>
/// <param name="CallId">The <c>CALL_ID</c>; null until the register answered (see <see cref="ICallScopedRequest"/>).</param>
/// <param name="UserIds">The users; always sent as <c>USER_ID[n]</c>. Empty means the user the call was registered for.</param>
[GenerateSerializer, Immutable, Alias("b24-hide-external-call-v1")]
public sealed record HideExternalCall([property: Id(0)] string? CallId, [property: Id(1)] ImmutableArray<long> UserIds)
    : Bitrix24Request<bool>, ICallScopedRequest
{
    /// <inheritdoc />
    public override string Method => "telephony.externalcall.hide";

    /// <inheritdoc />
    public Bitrix24Request WithCallId(string callId) => this with { CallId = callId };

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => CallCardParameters.Write(parameters, CallId, UserIds);

    /// <inheritdoc />
    public override bool ParseResult(Bitrix24RawResult raw) => CallCardParameters.ParseFlag(raw.Result);
}
