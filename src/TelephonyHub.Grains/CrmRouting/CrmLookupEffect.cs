using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Grains.Calls;

namespace TelephonyHub.Grains.CrmRouting;

/// <summary>
/// Ask Bitrix24 who is responsible for the caller (<c>searchCrmEntities</c>, or <c>crm.deal.list</c> for the open
/// deal), on the call's lane; the answer comes back to the call as a dispatch result.
/// </summary>
[GenerateSerializer, Immutable, Alias("call-effect-crm-lookup-v1")]
public sealed record CrmLookupEffect : CallEffect
{
    [Id(0)] public required Bitrix24Request Request { get; init; }
}
