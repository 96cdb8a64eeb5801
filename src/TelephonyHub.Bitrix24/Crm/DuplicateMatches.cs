namespace TelephonyHub.Bitrix24.Crm;

/// <summary>The result of <c>crm.duplicate.findbycomm</c>: matching ids per entity type.</summary>
/// <param name="LeadIds">Matching leads.</param>
/// <param name="ContactIds">Matching contacts.</param>
/// <param name="CompanyIds">Matching companies.</param>
[GenerateSerializer, Immutable, Alias("b24-duplicate-matches-v1")]
public sealed record DuplicateMatches(
    [property: Id(0)] ImmutableArray<long> LeadIds,
    [property: Id(1)] ImmutableArray<long> ContactIds,
    [property: Id(2)] ImmutableArray<long> CompanyIds)
{
    /// <summary>True when nothing matched.</summary>
    public bool IsEmpty => LeadIds.IsDefaultOrEmpty && ContactIds.IsDefaultOrEmpty && CompanyIds.IsDefaultOrEmpty;
}
