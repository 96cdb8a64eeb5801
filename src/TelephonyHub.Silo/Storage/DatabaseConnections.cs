using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TelephonyHub.Silo.Storage;

/// <summary>Creates (unopened) connections to the hub's database for the code that talks to it outside Orleans.</summary>
public static class DatabaseConnections
{
    public static DbConnection Create(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.PostgreSql => new NpgsqlConnection(connectionString),
        DatabaseProvider.Sqlite => OpenableSqliteConnection(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };

    private static SqliteConnection OpenableSqliteConnection(string connectionString)
    {
        // SQLite creates the file but not its folder; a first run on an empty machine has neither.
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (!string.IsNullOrEmpty(path) && path != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return new SqliteConnection(connectionString);
    }
}
