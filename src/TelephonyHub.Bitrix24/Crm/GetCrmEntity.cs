using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Crm;

/// <summary>
/// The legacy <c>crm.{entity}.get</c> family (reference §6.3): one entity by <c>id</c>. Errors such as
/// "Not found" come back as HTTP 400 with <c>error: ""</c>, i.e. <see cref="Bitrix24ErrorKind.Validation"/>.
/// </summary>
/// <param name="Id">The entity id (<c>id</c>), &gt; 0.</param>
[GenerateSerializer, Immutable, Alias("b24-get-crm-entity-v1")]
public abstract record GetCrmEntity([property: Id(0)] long Id) : Bitrix24Request<CrmEntity>
{
    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters.Add("id", Id);

    /// <inheritdoc />
    public override CrmEntity ParseResult(Bitrix24RawResult raw) => CrmEntity.Parse(raw.Result);
}
