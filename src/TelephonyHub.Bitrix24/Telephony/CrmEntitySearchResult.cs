using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>One match of <c>searchCrmEntities</c> (reference §5.6).</summary>
/// <param name="EntityType"><c>CONTACT</c>, <c>LEAD</c> or <c>COMPANY</c>.</param>
/// <param name="EntityId">The entity id.</param>
/// <param name="Name">Title or full name.</param>
/// <param name="AssignedById">The responsible user (<c>ASSIGNED_BY_ID</c>).</param>
/// <param name="AssignedBy">The responsible user's extension, phones and workday state (<c>ASSIGNED_BY</c>).</param>
[GenerateSerializer, Immutable, Alias("b24-crm-entity-search-result-v1")]
public sealed record CrmEntitySearchResult(
    [property: Id(0)] string EntityType,
    [property: Id(1)] long EntityId,
    [property: Id(2)] string? Name,
    [property: Id(3)] long? AssignedById,
    [property: Id(4)] CrmResponsibleUser? AssignedBy)
{
    internal static CrmEntitySearchResult Parse(JsonElement item)
    {
        var assignedBy = item.Property("ASSIGNED_BY") is { ValueKind: JsonValueKind.Object } user
            ? new CrmResponsibleUser(
                user.Long("ID"),
                user.Text("TIMEMAN_STATUS"),
                user.Text("USER_PHONE_INNER") is { Length: > 0 } inner ? inner : null,
                user.Text("WORK_PHONE"),
                user.Text("PERSONAL_PHONE"),
                user.Text("PERSONAL_MOBILE"))
            : null;
        return new CrmEntitySearchResult(
            item.RequiredText("CRM_ENTITY_TYPE"),
            item.RequiredLong("CRM_ENTITY_ID"),
            item.Text("NAME"),
            item.Long("ASSIGNED_BY_ID") ?? assignedBy?.Id,
            assignedBy);
    }
}
