namespace TelephonyHub.Silo.Storage;

/// <summary>Names of the grain storages the silo registers.</summary>
public static class StorageNames
{
    /// <summary>
    /// The hub's grain storage (PostgreSQL or SQLite, see <see cref="DatabaseProvider"/>). It is also registered as
    /// Orleans' default storage, so <c>[PersistentState("portal")]</c> without a storage name lands here too.
    /// </summary>
    public const string Default = "telephonyhub";
}
