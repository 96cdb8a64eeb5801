namespace TelephonyHub.Bitrix24.Crm;

/// <summary>One page of <c>crm.deal.list</c>.</summary>
/// <param name="Deals">The deals on this page.</param>
/// <param name="Total">All matching deals (<c>total</c>).</param>
/// <param name="Next">The <c>start</c> of the next page, or null on the last one.</param>
[GenerateSerializer, Immutable, Alias("b24-crm-deal-page-v1")]
public sealed record CrmDealPage(
    [property: Id(0)] ImmutableArray<CrmEntity> Deals,
    [property: Id(1)] long? Total,
    [property: Id(2)] long? Next);
