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

    /// <summary>
    /// Tokens this old are refreshed even if no request needed it. A refresh token dies 180 days after it was issued
    /// (reference §3.4), so a portal quiet for half a year (a seasonal business, a PBX switched off) would otherwise
    /// need the app reinstalled. Default 150 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "179.00:00:00")]
    public TimeSpan TokenKeepAliveAge { get; set; } = TimeSpan.FromDays(150);

    /// <summary>How often an installed portal checks the age of its tokens (a reminder: it survives restarts). Default 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan TokenKeepAliveCheckPeriod { get; set; } = TimeSpan.FromDays(1);
}
