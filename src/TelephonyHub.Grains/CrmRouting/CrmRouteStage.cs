namespace TelephonyHub.Grains.CrmRouting;

/// <summary>Where an inbound call stands on its way to the CRM's responsible manager (scenario 3).</summary>
public enum CrmRouteStage
{
    /// <summary><c>searchCrmEntities</c> is out; the call is not registered yet, the caller waits (bounded).</summary>
    LookingUp = 1,

    /// <summary>The caller is a contact or company and the portal prefers open deals: <c>crm.deal.list</c> is out.</summary>
    LookingUpDeal = 2,

    /// <summary>Registered to the manager with their card; the PBX transfers the call to their extension; the answer time runs.</summary>
    RingingManager = 3,

    /// <summary>Not routed to a manager (see <see cref="CrmRoute.FellBackBecause"/>): the line's queue has the call, or the PBX when the line has none.</summary>
    FellBack = 4,

    /// <summary>The call left the routing: answered, ended, or moved elsewhere by the PBX.</summary>
    Done = 5,
}
