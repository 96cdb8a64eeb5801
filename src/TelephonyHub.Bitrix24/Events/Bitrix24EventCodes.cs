namespace TelephonyHub.Bitrix24.Events;

/// <summary>The event codes the hub binds or receives (reference §4.4, §4.5), upper-cased as delivered.</summary>
public static class Bitrix24EventCodes
{
    /// <summary>The app was installed; carries the installing admin's tokens.</summary>
    public const string AppInstall = "ONAPPINSTALL";

    /// <summary>The app was removed; carries no usable tokens.</summary>
    public const string AppUninstall = "ONAPPUNINSTALL";

    /// <summary>The app was updated to a new version; Bitrix24 dropped its event bindings (reference §4.6).</summary>
    public const string AppUpdate = "ONAPPUPDATE";

    /// <summary>A user clicked a number; Bitrix24 already registered the call.</summary>
    public const string ExternalCallStart = "ONEXTERNALCALLSTART";

    /// <summary>A visitor asked for a callback through a CRM form.</summary>
    public const string ExternalCallbackStart = "ONEXTERNALCALLBACKSTART";
}
