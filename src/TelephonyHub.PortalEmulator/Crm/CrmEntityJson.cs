using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>A CRM entity as the legacy <c>crm.*.get</c> methods write it: upper-case fields, ids as strings (reference §6.3).</summary>
public static class CrmEntityJson
{
    /// <summary>The <c>result</c> object.</summary>
    public static JsonObject Of(CrmEntity e)
    {
        var json = new JsonObject { ["ID"] = PhpJson.Text(e.Id) };
        if (e.Type != CrmEntityType.Contact)
        {
            json["TITLE"] = e.Title;
        }

        if (e.Type is CrmEntityType.Lead or CrmEntityType.Contact)
        {
            json["NAME"] = e.Name;
            json["LAST_NAME"] = e.LastName;
        }

        switch (e.Type)
        {
            case CrmEntityType.Lead:
                json["STATUS_ID"] = e.Stage;
                json["STATUS_SEMANTIC_ID"] = e.Closed ? "S" : "P";
                json["SOURCE_ID"] = e.SourceId;
                break;
            case CrmEntityType.Deal:
                json["STAGE_ID"] = e.Stage;
                json["STAGE_SEMANTIC_ID"] = e.Closed ? "S" : "P";
                json["CLOSED"] = e.Closed ? "Y" : "N";
                json["CATEGORY_ID"] = "0";
                break;
            case CrmEntityType.Contact:
                json["OPENED"] = "Y";
                break;
        }

        if (e.Type is not CrmEntityType.Company)
        {
            json["CONTACT_ID"] = e.ContactId > 0 ? PhpJson.Text(e.ContactId) : null;
            json["COMPANY_ID"] = e.CompanyId > 0 ? PhpJson.Text(e.CompanyId) : null;
        }

        json["ASSIGNED_BY_ID"] = PhpJson.Text(e.AssignedById);
        if (e.Type != CrmEntityType.Deal)
        {
            json["HAS_PHONE"] = e.Phones.IsEmpty ? "N" : "Y";
            json["PHONE"] = new JsonArray([.. e.Phones.Select((p, i) => (JsonNode)new JsonObject
            {
                ["ID"] = PhpJson.Text((e.Id * 100) + i + 1),
                ["VALUE_TYPE"] = p.ValueType,
                ["VALUE"] = p.Value,
                ["TYPE_ID"] = "PHONE",
            })]);
        }

        return json;
    }
}
