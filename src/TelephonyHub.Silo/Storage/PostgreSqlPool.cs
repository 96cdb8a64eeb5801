using System.Data.Common;
using Npgsql;

namespace TelephonyHub.Silo.Storage;

/// <summary>
/// The silo's PostgreSQL connection settings: a bounded pool (see <see cref="StorageOptions.MaxConnections"/>) and
/// prepared statements for the few queries Orleans repeats thousands of times a second. Settings the operator wrote
/// into the connection string win.
/// </summary>
public static class PostgreSqlPool
{
    private static readonly string[] PoolSizeKeys = ["maximum pool size", "maxpoolsize"];
    private static readonly string[] AutoPrepareKeys = ["max auto prepare", "maxautoprepare"];
    private static readonly string[] AutoPrepareUsageKeys = ["auto prepare min usages", "autoprepareminusages"];

    /// <summary>
    /// Statements Npgsql keeps prepared per connection. The grain storage, reminders and membership run about twenty
    /// distinct statements (deploy/sql/postgresql), all of them with a fixed text: prepared once per connection,
    /// PostgreSQL stops parsing and planning the grain write's CTE on every call, which was the larger part of its CPU
    /// per write under load (issue 10).
    /// </summary>
    public const int AutoPreparedStatements = 64;

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

    /// <summary>
    /// The connection string with automatic preparation on (<see cref="AutoPreparedStatements"/> statements, prepared
    /// from their second use), unless it configures automatic preparation itself.
    /// </summary>
    public static string Prepared(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (AutoPrepareKeys.Any(given.ContainsKey) || AutoPrepareUsageKeys.Any(given.ContainsKey))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxAutoPrepare = AutoPreparedStatements,
            AutoPrepareMinUsages = 2,
        }.ConnectionString;
    }
}
