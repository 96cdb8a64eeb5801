using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Crm;

/// <summary>A CRM entity by type and id (<c>{"ENTITY_TYPE": "LEAD", "ENTITY_ID": 12}</c>).</summary>
/// <param name="EntityType"><c>LEAD</c>, <c>CONTACT</c>, <c>COMPANY</c>, <c>DEAL</c>…</param>
/// <param name="EntityId">The entity id.</param>
[GenerateSerializer, Immutable, Alias("b24-crm-entity-ref-v1")]
public sealed record CrmEntityRef([property: Id(0)] string EntityType, [property: Id(1)] long EntityId)
{
    internal static ImmutableArray<CrmEntityRef> ParseList(JsonElement? list) =>
        list is { } items
            ? [.. items.Entries()
                .Where(e => e.Value.ValueKind == JsonValueKind.Object)
                .Select(e => new CrmEntityRef(e.Value.RequiredText("ENTITY_TYPE"), e.Value.RequiredLong("ENTITY_ID")))]
            : [];
}
