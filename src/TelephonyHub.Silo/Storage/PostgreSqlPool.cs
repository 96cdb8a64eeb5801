using System.Data.Common;
using Npgsql;

namespace TelephonyHub.Silo.Storage;

/// <summary>Bounds the silo's PostgreSQL connection pool (see <see cref="StorageOptions.MaxConnections"/>).</summary>
public static class PostgreSqlPool
{
    private static readonly string[] PoolSizeKeys = ["maximum pool size", "maxpoolsize"];

    /// <summary>The connection string with <c>Maximum Pool Size</c> set to <paramref name="maxConnections"/>, unless it sets one itself.</summary>
    public static string Bounded(string connectionString, int maxConnections)
    {
        // DbConnectionStringBuilder holds only the keys actually given (Npgsql's builder reports every keyword).
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (PoolSizeKeys.Any(given.ContainsKey))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = maxConnections }.ConnectionString;
    }
}
