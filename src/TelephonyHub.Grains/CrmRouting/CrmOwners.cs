using TelephonyHub.Abstractions.Portals;
using TelephonyHub.Bitrix24.Crm;
using TelephonyHub.Bitrix24.Rest;
using TelephonyHub.Bitrix24.Telephony;

namespace TelephonyHub.Grains.CrmRouting;

/// <summary>
/// The rule that names a caller's responsible manager, as plain functions.
/// <list type="number">
/// <item>The caller is the first <c>searchCrmEntities</c> match that has a responsible user: Bitrix24 lists contacts,
/// then leads, then companies (reference §5.6), so a person wins over their company.</item>
/// <item>By default that match's responsible (<c>ASSIGNED_BY_ID</c>) is the manager — the search also gives their
/// extension and workday state, so no further request is needed.</item>
/// <item>When the portal prefers open deals and the match is a contact or company, the responsible of its most
/// recently modified open deal wins (reference §6.4: one <c>crm.deal.list</c>); no open deal, or a deal without a
/// responsible: the contact's (company's) own. A lead has no deals: its responsible.</item>
/// </list>
/// </summary>
public static class CrmOwners
{
    /// <summary>The match the call is about: the first with a responsible user; null when none has one.</summary>
    public static CrmEntitySearchResult? CallerOf(ImmutableArray<CrmEntitySearchResult> matches) =>
        matches.FirstOrDefault(m => m.AssignedById is > 0);

    public static CrmOwner FromMatch(CrmEntitySearchResult match) => new()
    {
        UserId = match.AssignedById ?? throw new ArgumentException("The match has no responsible user.", nameof(match)),
        EntityType = match.EntityType,
        EntityId = match.EntityId,
        Reported = match.AssignedBy,
    };

    /// <summary>True when the rule needs the match's open deal before it can name the manager.</summary>
    public static bool NeedsOpenDeal(CrmEntitySearchResult match, CrmRoutingSettings settings) =>
        settings.PreferOpenDeal && match.EntityType is CrmEntityTypes.Contact or CrmEntityTypes.Company;

    /// <summary>The newest open deal of the contact or company, with its responsible: one page of one row is enough.</summary>
    public static ListDeals OpenDealQuery(CrmEntitySearchResult match) => new(
        Bitrix24Filter.Empty
            .Where(match.EntityType == CrmEntityTypes.Contact ? "CONTACT_ID" : "COMPANY_ID", match.EntityId)
            .WhereYesNo("CLOSED", false),
        ["ID", "ASSIGNED_BY_ID"],
        [new Bitrix24Sort("DATE_MODIFY", Bitrix24SortDirection.Descending)]);

    /// <summary>The open deal's responsible when there is one, else the match's.</summary>
    public static CrmOwner FromOpenDeal(CrmEntitySearchResult match, CrmDealPage deals)
    {
        var contactOwner = FromMatch(match);
        if (deals.Deals.FirstOrDefault(d => d.AssignedById is > 0) is not { AssignedById: { } dealOwner } deal)
        {
            return contactOwner;
        }

        return new CrmOwner
        {
            UserId = dealOwner,
            EntityType = CrmEntityTypes.Deal,
            EntityId = deal.Id,
            // The search described the contact's responsible only; the same person keeps what it said.
            Reported = dealOwner == contactOwner.UserId ? contactOwner.Reported : null,
        };
    }

    /// <summary>Why the owner cannot take the call now, by what Bitrix24 and the directory say; null when they can.</summary>
    public static CrmFallbackReason? WhyNot(CrmOwner owner, ManagerDirectoryEntry directory) =>
        !directory.IsActiveUser ? CrmFallbackReason.ManagerInactive
        : !owner.IsAtWork ? CrmFallbackReason.ManagerNotAtWork
        : directory.Extension is null ? CrmFallbackReason.ManagerHasNoExtension
        : null;
}
