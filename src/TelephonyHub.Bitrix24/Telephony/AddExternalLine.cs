using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary><c>telephony.externalLine.add</c> (reference §5.7): adds a line of this app; the result is its id.</summary>
/// <param name="Number"><c>NUMBER</c>, required.</param>
/// <param name="Name"><c>NAME</c>.</param>
/// <param name="CrmAutoCreate"><c>CRM_AUTO_CREATE</c> as <c>Y</c>/<c>N</c>; null keeps the portal default (Y).</param>
[GenerateSerializer, Immutable, Alias("b24-add-external-line-v1")]
public sealed record AddExternalLine(
    [property: Id(0)] string Number,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] bool? CrmAutoCreate = null) : Bitrix24Request<long>
{
    /// <inheritdoc />
    public override string Method => "telephony.externalLine.add";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters
        .Add("NUMBER", Number)
        .Add("NAME", Name)
        .AddYesNo("CRM_AUTO_CREATE", CrmAutoCreate);

    /// <inheritdoc />
    public override long ParseResult(Bitrix24RawResult raw) => raw.Result.RequiredLong("ID");
}
