using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary><c>telephony.externalLine.update</c> (reference §5.7): needs at least one of name or auto-create; the result is the line id.</summary>
/// <param name="Number"><c>NUMBER</c> of the line to change.</param>
/// <param name="Name">New <c>NAME</c>.</param>
/// <param name="CrmAutoCreate">New <c>CRM_AUTO_CREATE</c> (<c>Y</c>/<c>N</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-update-external-line-v1")]
public sealed record UpdateExternalLine(
    [property: Id(0)] string Number,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] bool? CrmAutoCreate = null) : Bitrix24Request<long>
{
    /// <inheritdoc />
    public override string Method => "telephony.externalLine.update";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters
        .Add("NUMBER", Number)
        .Add("NAME", Name)
        .AddYesNo("CRM_AUTO_CREATE", CrmAutoCreate);

    /// <inheritdoc />
    public override long ParseResult(Bitrix24RawResult raw) => raw.Result.RequiredLong("ID");
}
