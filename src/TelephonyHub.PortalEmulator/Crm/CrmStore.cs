using System.Collections.Immutable;

namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>Pure operations on a portal's CRM list.</summary>
public static class CrmStore
{
    /// <summary>Adds an entity, giving it the next id of its kind when its id is 0; replaces one with the same id.</summary>
    public static (ImmutableList<CrmEntity> Crm, CrmEntity Added) Add(ImmutableList<CrmEntity> crm, CrmEntity entity)
    {
        var added = entity.Id > 0
            ? entity
            : entity with { Id = crm.Where(e => e.Type == entity.Type).Select(e => e.Id).DefaultIfEmpty(0).Max() + 1 };
        var existing = crm.Find(e => e.Type == added.Type && e.Id == added.Id);
        return (existing is null ? crm.Add(added) : crm.Replace(existing, added), added);
    }

    /// <summary>
    /// Entities having the number, in the order searchCrmEntities reports them: contacts, then leads, then
    /// companies (reference §5.6). Deals carry no phones of their own.
    /// </summary>
    public static ImmutableArray<CrmEntity> FindByPhone(IEnumerable<CrmEntity> crm, string phoneNumber) =>
    [
        .. crm.Where(e => e.Phones.Any(p => PhoneDigits.Same(p.Value, phoneNumber)))
            .OrderBy(e => SearchOrder(e.Type))
            .ThenBy(e => e.Id),
    ];

    private static int SearchOrder(CrmEntityType type) => type switch
    {
        CrmEntityType.Contact => 0,
        CrmEntityType.Lead => 1,
        CrmEntityType.Company => 2,
        _ => 3,
    };
}
