namespace TelephonyHub.Silo.Storage;

/// <summary>The ADO.NET invariant name the Orleans providers map to each database's DbProviderFactory.</summary>
internal static class AdoNetInvariant
{
    /// <summary>Npgsql's factory.</summary>
    public const string PostgreSql = "Npgsql";

    /// <summary>
    /// Orleans maps this name to Microsoft.Data.Sqlite's factory (reference orleans-10.md, "The ADO.NET SQL scripts are
    /// ours to write"); the System.Data.SQLite package itself is not used.
    /// </summary>
    public const string Sqlite = "System.Data.SQLite";

    public static string For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSql => PostgreSql,
        DatabaseProvider.Sqlite => Sqlite,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
