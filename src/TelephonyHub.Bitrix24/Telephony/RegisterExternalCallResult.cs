using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;

namespace TelephonyHub.Bitrix24.Telephony;

/// <summary>The result of <c>telephony.externalcall.register</c> (reference §5.1).</summary>
/// <param name="CallId">The Bitrix24 <c>CALL_ID</c> for show/hide/finish/attachRecord.</param>
/// <param name="CrmCreatedLead">The id of a lead auto-created by this call, if any.</param>
/// <param name="CrmCreatedEntities">Everything auto-created (lead, contact, deal…); empty if none.</param>
/// <param name="CrmEntityType">The primary CRM entity type bound to the call, or null when none (<c>""</c> on the wire).</param>
/// <param name="CrmEntityId">The primary CRM entity id, or null.</param>
/// <param name="LeadCreationError">Why auto-creation failed, when it did.</param>
[GenerateSerializer, Immutable, Alias("b24-register-external-call-result-v1")]
public sealed record RegisterExternalCallResult(
    [property: Id(0)] string CallId,
    [property: Id(1)] long? CrmCreatedLead,
    [property: Id(2)] ImmutableArray<CrmEntityRef> CrmCreatedEntities,
    [property: Id(3)] string? CrmEntityType,
    [property: Id(4)] long? CrmEntityId,
    [property: Id(5)] string? LeadCreationError = null)
{
    /// <summary>The primary CRM entity, when the call is bound to one.</summary>
    public CrmEntityRef? PrimaryEntity =>
        CrmEntityType is { Length: > 0 } type && CrmEntityId is { } id ? new CrmEntityRef(type, id) : null;

    internal static RegisterExternalCallResult Parse(JsonElement result)
    {
        result.RequireObject("The register result");
        return new RegisterExternalCallResult(
            result.RequiredText("CALL_ID"),
            result.Long("CRM_CREATED_LEAD"),
            CrmEntityRef.ParseList(result.Property("CRM_CREATED_ENTITIES")),
            result.Text("CRM_ENTITY_TYPE") is { Length: > 0 } type ? type : null,
            result.Long("CRM_ENTITY_ID") is { } id and > 0 ? id : null,
            result.Text("LEAD_CREATION_ERROR"));
    }
}
