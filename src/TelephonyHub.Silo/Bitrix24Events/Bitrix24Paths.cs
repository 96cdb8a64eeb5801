namespace TelephonyHub.Silo.Bitrix24Events;

/// <summary>The hub's URLs that Bitrix24 calls.</summary>
public static class Bitrix24Paths
{
    /// <summary>The app's installation handler (reference §3.2 flow A: ONAPPINSTALL is posted here).</summary>
    public const string Install = "/bitrix24/install";

    /// <summary>
    /// The installer page (reference §3.2 flow B): opened in the admin's Bitrix24 frame at install, it installs the
    /// portal and then calls <c>BX24.installFinish()</c>.
    /// </summary>
    public const string Installer = "/bitrix24/installer";

    /// <summary>Where bound events arrive (ONEXTERNALCALLSTART, ONAPPUNINSTALL...).</summary>
    public const string Events = "/bitrix24/events";

    /// <summary>The app's page inside Bitrix24: the settings page.</summary>
    public const string App = "/bitrix24/app";
}
