namespace TelephonyHub.Grains;

/// <summary>The grain storage names the grains use; the host registers a provider for each.</summary>
public static class StorageNames
{
    /// <summary>
    /// Portals, calls, dispatch queues and PBX links: the hub's durable state (PostgreSQL or SQLite). The host also
    /// registers it as Orleans' default storage.
    /// </summary>
    public const string Default = "telephonyhub";
}
