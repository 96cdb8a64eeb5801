namespace TelephonyHub.PortalEmulator.Crm;

/// <summary>Wire names of <see cref="CrmEntityType"/> (<c>LEAD</c>, <c>CONTACT</c>…).</summary>
public static class CrmEntityTypes
{
    /// <summary>The upper-case name Bitrix24 puts in <c>CRM_ENTITY_TYPE</c>.</summary>
    public static string WireName(this CrmEntityType type) => type.ToString().ToUpperInvariant();

    /// <summary>Parses a wire name case-insensitively; null when it names no known type.</summary>
    public static CrmEntityType? Parse(string? wireName) =>
        Enum.TryParse<CrmEntityType>(wireName, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;
}
