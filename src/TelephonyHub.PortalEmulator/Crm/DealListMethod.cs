using System.Globalization;
using System.Text.Json.Nodes;
using TelephonyHub.PortalEmulator.Rest;

namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>
/// <c>crm.deal.list</c> (reference §6.4, §1.5): deals by <c>filter</c> (exact values, an optional <c>=</c> prefix, lists
/// meaning "any of"), <c>order</c>, <c>select</c> and <c>start</c>, 50 per page. Filters the hub does not use are refused
/// with a message naming them, so a test never passes on a filter the emulator silently ignored. The emulator keeps no
/// modification times: <c>DATE_MODIFY</c> orders like the id (a newer deal counts as modified later).
/// </summary>
public sealed class DealListMethod : IRestMethodGroup
{
    private const int PageSize = 50;

    /// <inheritdoc />
    public IEnumerable<RestMethod> Methods => [RestMethod.Sync("crm.deal.list", "crm", List)];

    private static RestResult List(RestCall call)
    {
        var p = call.Parameters;
        var filter = p.NodeIgnoringCase("filter") as JsonObject ?? [];
        if (filter.Select(f => f.Key).FirstOrDefault(k => Field(new CrmEntity(CrmEntityType.Deal, 0), k) is null) is { } unknown)
        {
            throw new RestMethodException(400, "", $"The emulator does not filter deals by '{unknown}'.");
        }

        IEnumerable<CrmEntity> deals = call.Portal.Snapshot.Crm.Where(e => e.Type == CrmEntityType.Deal && filter.All(f => Matches(e, f.Key, f.Value)));
        deals = Ordered(deals, p.NodeIgnoringCase("order") as JsonObject);
        var matching = deals.ToList();
        var select = RestParameters.ListOf(p.NodeIgnoringCase("select")).Select(RestParameters.Scalar).OfType<string>()
            .Select(f => f.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var start = Math.Max(0, p.Int("start"));
        var page = matching.Skip(start).Take(PageSize).Select(d => (JsonNode)Selected(CrmEntityJson.Of(d), select));
        return new RestResult(new JsonArray([.. page]), matching.Count, start + PageSize < matching.Count ? start + PageSize : null);
    }

    private static bool Matches(CrmEntity deal, string key, JsonNode? value) =>
        RestParameters.ListOf(value).Select(RestParameters.Scalar).Any(wanted => string.Equals(wanted, Field(deal, key), StringComparison.OrdinalIgnoreCase));

    /// <summary>The deal's value of a filter field; null for a field the emulator does not filter by.</summary>
    private static string? Field(CrmEntity deal, string key) =>
        key.TrimStart('=').ToUpperInvariant() switch
        {
            "ID" => Text(deal.Id),
            "CONTACT_ID" => Text(deal.ContactId),
            "COMPANY_ID" => Text(deal.CompanyId),
            "ASSIGNED_BY_ID" => Text(deal.AssignedById),
            "CLOSED" => deal.Closed ? "Y" : "N",
            "STAGE_ID" => deal.Stage,
            "STAGE_SEMANTIC_ID" => deal.Closed ? "S" : "P",
            _ => null,
        };

    private static IEnumerable<CrmEntity> Ordered(IEnumerable<CrmEntity> deals, JsonObject? order)
    {
        var sort = order?.FirstOrDefault();
        if (sort is not { Key: { } key })
        {
            return deals.OrderBy(d => d.Id);
        }

        if (key.ToUpperInvariant() is not ("ID" or "DATE_MODIFY" or "DATE_CREATE"))
        {
            throw new RestMethodException(400, "", $"The emulator does not order deals by '{key}'.");
        }

        return string.Equals(RestParameters.Scalar(sort.Value.Value), "DESC", StringComparison.OrdinalIgnoreCase)
            ? deals.OrderByDescending(d => d.Id)
            : deals.OrderBy(d => d.Id);
    }

    // Only the selected fields (ID always); no select or "*": all of them.
    private static JsonObject Selected(JsonObject deal, HashSet<string> select)
    {
        if (select.Count == 0 || select.Contains("*"))
        {
            return deal;
        }

        foreach (var field in deal.Select(f => f.Key).Where(f => f != "ID" && !select.Contains(f)).ToList())
        {
            deal.Remove(field);
        }

        return deal;
    }

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);
}
