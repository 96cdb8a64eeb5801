namespace TelephonyHub.Bitrix24.Crm;

/// <summary><c>crm.deal.get</c> (reference §6.3).</summary>
/// <param name="Id">The deal id.</param>
[GenerateSerializer, Immutable, Alias("b24-get-deal-v1")]
public sealed record GetDeal(long Id) : GetCrmEntity(Id)
{
    /// <inheritdoc />
    public override string Method => "crm.deal.get";
}
