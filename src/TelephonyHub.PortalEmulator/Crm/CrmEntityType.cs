namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>CRM entity kinds with their wire names (reference §6.1).</summary>
public enum CrmEntityType
{
    /// <summary><c>LEAD</c>.</summary>
    Lead,

    /// <summary><c>DEAL</c>.</summary>
    Deal,

    /// <summary><c>CONTACT</c>.</summary>
    Contact,

    /// <summary><c>COMPANY</c>.</summary>
    Company,
}
