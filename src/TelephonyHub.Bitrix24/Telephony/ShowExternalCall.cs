using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// <c>telephony.externalcall.show</c> (reference §5.2): shows the call card to users. The result is true when the
/// UI command went out, false when the call is unknown or already finished (HTTP 200 either way).
/// </summary>
/// <param name="CallId">The <c>CALL_ID</c>; null until the register answered (see <see cref="ICallScopedRequest"/>).</param>
/// <param name="UserIds">The users; always sent as <c>USER_ID[n]</c>. Empty means the user the call was registered for.</param>
[GenerateSerializer, Immutable, Alias("b24-show-external-call-v1")]
public sealed record ShowExternalCall([property: Id(0)] string? CallId, [property: Id(1)] ImmutableArray<long> UserIds)
    : Bitrix24Request<bool>, ICallScopedRequest
{
    /// <inheritdoc />
    public override string Method => "telephony.externalcall.show";

    /// <inheritdoc />
    public Bitrix24Request WithCallId(string callId) => this with { CallId = callId };

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => CallCardParameters.Write(parameters, CallId, UserIds);

    /// <inheritdoc />
    public override bool ParseResult(Bitrix24RawResult raw) => CallCardParameters.ParseFlag(raw.Result);
}
