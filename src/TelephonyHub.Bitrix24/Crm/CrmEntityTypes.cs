namespace TelephonyHub.Bitrix24.Crm;

/// <summary>CRM entity type names as telephony and CRM methods spell them (reference §6.1).</summary>
public static class CrmEntityTypes
{
    /// <summary><c>LEAD</c> (entityTypeId 1).</summary>
    public const string Lead = "LEAD";

    /// <summary><c>DEAL</c> (entityTypeId 2).</summary>
    public const string Deal = "DEAL";

    /// <summary><c>CONTACT</c> (entityTypeId 3).</summary>
    public const string Contact = "CONTACT";

    /// <summary><c>COMPANY</c> (entityTypeId 4).</summary>
    public const string Company = "COMPANY";
}
