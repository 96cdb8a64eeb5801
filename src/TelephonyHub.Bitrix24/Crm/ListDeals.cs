using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Crm;

/// <summary>
/// <c>crm.deal.list</c> (reference §6.4): one page (50) of deals, e.g. the open deals of a contact:
/// <c>new ListDeals(Bitrix24Filter.Empty.Where("CONTACT_ID", 797).WhereYesNo("CLOSED", false), ["ID", "ASSIGNED_BY_ID"],
/// [new Bitrix24Sort("DATE_MODIFY", Bitrix24SortDirection.Descending)])</c>.
/// </summary>
/// <param name="Filter"><c>filter[...]</c>.</param>
/// <param name="Select"><c>select[n]</c>; empty = the default fields.</param>
/// <param name="Order"><c>order[FIELD]=ASC|DESC</c>.</param>
/// <param name="Start"><c>start</c>: <c>next</c> of the previous page.</param>
[GenerateSerializer, Immutable, Alias("b24-list-deals-v1")]
public sealed record ListDeals(
    [property: Id(0)] Bitrix24Filter? Filter = null,
    [property: Id(1)] ImmutableArray<string> Select = default,
    [property: Id(2)] ImmutableArray<Bitrix24Sort> Order = default,
    [property: Id(3)] long? Start = null) : Bitrix24Request<CrmDealPage>
{
    /// <inheritdoc />
    public override string Method => "crm.deal.list";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters)
    {
        if (!Order.IsDefaultOrEmpty)
        {
            foreach (var sort in Order)
            {
                sort.WriteTo(parameters, "order");
            }
        }

        Filter?.WriteTo(parameters, "filter");
        if (!Select.IsDefaultOrEmpty)
        {
            parameters.AddList("select", Select);
        }

        parameters.Add("start", Start);
    }

    /// <inheritdoc />
    public override CrmDealPage ParseResult(Bitrix24RawResult raw) => new(
        [.. raw.Result.Entries().Where(e => e.Value.ValueKind == JsonValueKind.Object).Select(e => CrmEntity.Parse(e.Value))],
        raw.Total,
        raw.Next);
}
