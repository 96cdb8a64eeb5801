using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Crm;

/// <summary><c>crm.duplicate.findbycomm</c> and <c>crm.lead/contact/company/deal.get</c> (reference §6.2, §6.3).</summary>
public sealed class CrmMethods : IRestMethodGroup
{
    private const int MaxValues = 20;

    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods =>
    [
        RestMethod.Sync("crm.duplicate.findbycomm", "crm", FindByComm),
        .. new[] { CrmEntityType.Lead, CrmEntityType.Contact, CrmEntityType.Company, CrmEntityType.Deal }
            .Select(type => RestMethod.Sync($"crm.{type.WireName().ToLowerInvariant()}.get", "crm", call => Get(call, type))),
    ];

    private static RestResult FindByComm(RestCall call)
    {
        var p = call.Parameters;

        // Odd error shape: the code is the message itself (reference §6.2).
        var type = p.StringIgnoringCase("type") is { Length: > 0 } t ? t : throw Error("Communication type is not defined");
        if (!type.Equals("PHONE", StringComparison.OrdinalIgnoreCase))
        {
            throw Error($"Communication type '{type}' is not supported in current context");
        }

        var values = RestParameters.ListOf(p.NodeIgnoringCase("values")).Select(RestParameters.Scalar).OfType<string>().Take(MaxValues).ToList();
        if (values.Count == 0)
        {
            throw Error("Communication values is not defined");
        }

        var only = CrmEntityTypes.Parse(p.StringIgnoringCase("entity_type"));
        var matches = call.Portal.Snapshot.Crm
            .Where(e => e.Type != CrmEntityType.Deal && (only is null || e.Type == only))
            .Where(e => e.Phones.Any(phone => values.Any(v => PhoneDigits.Same(phone.Value, v))))
            .ToList();

        // Keys only for types that matched; no match at all is [] (reference §6.2).
        return new RestResult(PhpJson.Map(
            new[] { CrmEntityType.Lead, CrmEntityType.Contact, CrmEntityType.Company }
                .Where(k => matches.Exists(e => e.Type == k))
                .Select(k => new KeyValuePair<string, JsonNode?>(
                    k.WireName(), new JsonArray([.. matches.Where(e => e.Type == k).Select(e => (JsonNode)e.Id)])))));
    }

    private static RestResult Get(RestCall call, CrmEntityType type)
    {
        var id = RestParameters.PhpInt(call.Parameters.NodeIgnoringCase("id"));
        if (id <= 0)
        {
            throw new RestMethodException(400, "", "ID is not defined or invalid");
        }

        var entity = call.Portal.Snapshot.CrmEntity(type, id) ?? throw new RestMethodException(400, "", "Not found");
        return new RestResult(CrmEntityJson.Of(entity));
    }

    private static RestMethodException Error(string text) => new(400, text, text);
}
