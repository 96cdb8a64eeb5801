using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary><c>telephony.externalLine.delete</c> (reference §5.7). The portal answers <c>[]</c>; success is true.</summary>
/// <param name="Number"><c>NUMBER</c> of the line to delete.</param>
[GenerateSerializer, Immutable, Alias("b24-delete-external-line-v1")]
public sealed record DeleteExternalLine([property: Id(0)] string Number) : Bitrix24Request<bool>
{
    /// <inheritdoc />
    public override string Method => "telephony.externalLine.delete";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters.Add("NUMBER", Number);

    /// <inheritdoc />
    public override bool ParseResult(Bitrix24RawResult raw) => true;
}
