namespace TelephonyHub.PortalEmulator.Events;

/// <summary>Event codes the portal knows for <c>event.bind</c> (reference §4.4, §4.5).</summary>
public static class EventCodes
{
    /// <summary>App installed.</summary>
    public const string AppInstall = "ONAPPINSTALL";

    /// <summary>App uninstalled.</summary>
    public const string AppUninstall = "ONAPPUNINSTALL";

    /// <summary>User clicked to call.</summary>
    public const string ExternalCallStart = "ONEXTERNALCALLSTART";

    /// <summary>CRM callback form filled.</summary>
    public const string ExternalCallbackStart = "ONEXTERNALCALLBACKSTART";

    /// <summary>Every code event.bind accepts.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        AppInstall, AppUninstall, ExternalCallStart, ExternalCallbackStart, "ONAPPUPDATE", "ONAPPPAYMENT", "ONAPPMETHODCONFIRM",
        "ONAPPTEST", "ONVOXIMPLANTCALLINIT", "ONVOXIMPLANTCALLSTART", "ONVOXIMPLANTCALLEND", "ONCRMLEADADD", "ONCRMCONTACTADD",
    };
}
