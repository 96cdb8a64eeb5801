using System.ComponentModel.DataAnnotations;

namespace TelephonyHub.Grains.Portals;

/// <summary>How the hub keeps portals. Section <c>Portals</c>.</summary>
public sealed class PortalOptions
{
    /// <summary>
    /// How long an uninstalled portal's data (settings, queues, extension overrides, pending requests) is kept, so a
    /// reinstall finds it again; then it is purged. An uninstall with "delete app data" (<c>CLEAN=1</c>) purges after
    /// <see cref="CleanUninstallDelay"/> instead. Default 30 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan UninstalledDataRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Delay before purging when the admin asked Bitrix24 to delete the app's data. Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CleanUninstallDelay { get; set; } = TimeSpan.FromMinutes(1);
}
