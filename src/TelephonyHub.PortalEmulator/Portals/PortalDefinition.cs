using System.Collections.Immutable;
using TelephonyHub.PortalEmulator.Crm;

namespace TelephonyHub.PortalEmulator.Portals;

/// <summary>What a portal starts with: from the seed file or <c>POST /admin/portals</c>.</summary>
/// <param name="Domain">Portal host, e.g. <c>acme.bitrix24.com</c>; unique.</param>
public sealed record PortalDefinition(string Domain)
{
    /// <summary>Portal id (32 hex); generated when null.</summary>
    public string? MemberId { get; init; }

    /// <summary>Licence family; decides default limits.</summary>
    public PortalPlan Plan { get; init; } = PortalPlan.Ordinary;

    /// <summary>False: the portal is deleted/blocked and every request answers 403 <c>PORTAL_DELETED</c>.</summary>
    public bool Active { get; init; } = true;

    /// <summary>ISO region used to write numbers in E.164 (<c>PHONE_NUMBER_INTERNATIONAL</c>).</summary>
    public string Region { get; init; } = "US";

    /// <summary>UI language (<c>LANG</c>, <c>LANGUAGE_ID</c>).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Employees.</summary>
    public ImmutableArray<PortalUser> Users { get; init; } = [];

    /// <summary>CRM entities; ids of 0 are assigned.</summary>
    public ImmutableArray<CrmEntity> Crm { get; init; } = [];

    /// <summary>Incoming webhooks.</summary>
    public ImmutableArray<Webhook> Webhooks { get; init; } = [];

    /// <summary>Client ids of apps to install (silently, without sending ONAPPINSTALL) when the portal is created.</summary>
    public ImmutableArray<string> PreinstalledApps { get; init; } = [];
}
