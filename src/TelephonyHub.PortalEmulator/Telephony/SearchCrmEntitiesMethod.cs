using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Crm;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Telephony;

/// <summary><c>telephony.externalCall.searchCrmEntities</c>: who owns a number (reference §5.6, §6.5).</summary>
public sealed class SearchCrmEntitiesMethod : IRestMethodGroup
{
    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods => [RestMethod.Sync("telephony.externalcall.searchcrmentities", "telephony", Search)];

    private static RestResult Search(RestCall call)
    {
        var phone = call.Parameters.String("PHONE_NUMBER");
        if (string.IsNullOrWhiteSpace(phone))
        {
            throw call.Invalid("PHONE_NUMBER is empty");
        }

        var s = call.Portal.Snapshot;
        return new RestResult(new JsonArray([.. CrmStore.FindByPhone(s.Crm, phone).Select(e =>
        {
            var owner = s.User(e.AssignedById);
            return (JsonNode)new JsonObject
            {
                ["CRM_ENTITY_TYPE"] = e.Type.WireName(),
                ["CRM_ENTITY_ID"] = e.Id,
                ["ASSIGNED_BY_ID"] = e.AssignedById,
                ["NAME"] = e.DisplayName,
                ["ASSIGNED_BY"] = new JsonObject
                {
                    ["ID"] = PhpJson.Text(e.AssignedById),
                    ["TIMEMAN_STATUS"] = owner?.TimemanStatus ?? "UNAVAILABLE",
                    ["USER_PHONE_INNER"] = owner?.Extension,
                    ["WORK_PHONE"] = owner?.WorkPhone,
                    ["PERSONAL_PHONE"] = null,
                    ["PERSONAL_MOBILE"] = owner?.PersonalMobile,
                },
            };
        })]));
    }
}
