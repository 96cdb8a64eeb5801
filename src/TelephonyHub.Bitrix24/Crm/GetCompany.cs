namespace TelephonyHub.Bitrix24.Crm;

/// <summary><c>crm.company.get</c> (reference §6.3).</summary>
/// <param name="Id">The company id.</param>
[GenerateSerializer, Immutable, Alias("b24-get-company-v1")]
public sealed record GetCompany(long Id) : GetCrmEntity(Id)
{
    /// <inheritdoc />
    public override string Method => "crm.company.get";
}
