using TelephonyHub.Bitrix24.Phones;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>
/// <c>telephony.externalCall.searchCrmEntities</c> (reference §5.6): CRM entities with this number, contacts first,
/// then leads, then companies, each with its responsible user's extension and workday state. One request covers the
/// "route to the responsible manager" lookup (§6.5).
/// </summary>
/// <param name="PhoneNumber">The customer number (<c>PHONE_NUMBER</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-search-crm-entities-v1")]
public sealed record SearchCrmEntities([property: Id(0)] string PhoneNumber)
    : Bitrix24Request<ImmutableArray<CrmEntitySearchResult>>
{
    /// <inheritdoc />
    public override string Method => "telephony.externalCall.searchCrmEntities";

    /// <summary>Renders with the number masked, so the request can be logged.</summary>
    public override string ToString() => $"SearchCrmEntities {{ PhoneNumber = {PhoneNumberMask.Mask(PhoneNumber)} }}";

    /// <inheritdoc />
    public override void WriteParameters(Bitrix24Parameters parameters) => parameters.Add("PHONE_NUMBER", PhoneNumber);

    /// <inheritdoc />
    public override ImmutableArray<CrmEntitySearchResult> ParseResult(Bitrix24RawResult raw) =>
        [.. raw.Result.Entries().Where(e => e.Value.ValueKind == JsonValueKind.Object).Select(e => CrmEntitySearchResult.Parse(e.Value))];
}
