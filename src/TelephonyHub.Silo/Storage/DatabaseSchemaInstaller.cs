using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TelephonyHub.Silo.Storage;

/// <summary>
/// Applies the hub's own Orleans schema scripts (<c>deploy/sql/{postgresql|sqlite}/*.sql</c>, copied next to the Silo
/// assembly as <c>sql/…</c>) to a database: in file-name order, in one transaction, idempotently. The silo calls it at
/// start (<see cref="StorageOptions.ApplySchemaOnStart"/>), the <c>migrate-database</c> command and the test fixtures
/// call it directly.
/// </summary>
public static partial class DatabaseSchemaInstaller
{
    // Serializes schema changes when several silos start against one PostgreSQL at once: concurrent
    // CREATE TABLE IF NOT EXISTS can still collide in the catalog. Any fixed number works; this one spells "THub".
    private const long PostgreSqlSchemaLockKey = 0x5448_7562;

    /// <summary>Applies the schema for the database <paramref name="options"/> describe.</summary>
    /// <returns>What was applied where.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are inconsistent.</exception>
    public static Task<AppliedSchema> ApplyAsync(StorageOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        return ApplyAsync(options.EffectiveProvider, options.GetConnectionString(), logger, cancellationToken);
    }

    /// <summary>
    /// Applies every script of <paramref name="provider"/> to the database of <paramref name="connectionString"/>.
    /// Safe to run again: tables are created only when missing and query rows are upserted. Either all scripts apply or
    /// none does.
    /// </summary>
    /// <returns>What was applied where.</returns>
    public static async Task<AppliedSchema> ApplyAsync(
        DatabaseProvider provider, string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);

        var directory = ScriptDirectory(provider);
        var scripts = FindScripts(provider, directory);
        await using var connection = DatabaseConnections.Create(provider, connectionString);
        var database = Describe(connection);
        LogApplying(logger, provider, database, scripts.Count, directory);

        await connection.OpenAsync(cancellationToken);
        if (provider == DatabaseProvider.Sqlite)
        {
            await UseWriteAheadLogAsync(connection, database, logger, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (provider == DatabaseProvider.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgreSqlSchemaLockKey});", cancellationToken);
        }

        foreach (var script in scripts)
        {
            await ExecuteAsync(connection, transaction, await File.ReadAllTextAsync(script, cancellationToken), cancellationToken);
            LogScriptApplied(logger, Path.GetFileName(script), database);
        }

        var queryKeys = await ReadQueryKeysAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogApplied(logger, provider, database, queryKeys.Count);
        return new AppliedSchema(provider, database, scripts.Select(script => Path.GetFileName(script)).ToArray(), queryKeys);
    }

    /// <summary>
    /// The folder holding <paramref name="provider"/>'s scripts: <c>sql/postgresql</c> or <c>sql/sqlite</c> next to the
    /// Silo assembly (the Silo project copies <c>deploy/sql/**</c> there on build and publish).
    /// </summary>
    public static string ScriptDirectory(DatabaseProvider provider)
    {
        var assemblyLocation = typeof(DatabaseSchemaInstaller).Assembly.Location;
        var baseDirectory = string.IsNullOrEmpty(assemblyLocation)
            ? AppContext.BaseDirectory // single-file publish has no assembly path
            : Path.GetDirectoryName(assemblyLocation)!;
        var folder = provider switch
        {
            DatabaseProvider.PostgreSql => "postgresql",
            DatabaseProvider.Sqlite => "sqlite",
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
        };
        return Path.Combine(baseDirectory, "sql", folder);
    }

    private static IReadOnlyList<string> FindScripts(DatabaseProvider provider, string directory)
    {
        var scripts = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal).ToArray()
            : [];
        return scripts.Length > 0
            ? scripts
            : throw new InvalidOperationException(
                $"No {provider} schema scripts in {directory}. The Silo build copies deploy/sql/**/*.sql there; " +
                "rebuild TelephonyHub.Silo or check that the sql folder was published with it.");
    }

    private static string Describe(DbConnection connection)
    {
        // Built from the parsed parts on purpose: the raw connection string may carry a password.
        switch (connection)
        {
            case NpgsqlConnection:
                var postgreSql = new NpgsqlConnectionStringBuilder(connection.ConnectionString);
                return $"{postgreSql.Host}:{postgreSql.Port}/{postgreSql.Database}";
            case SqliteConnection:
                return Path.GetFullPath(new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource);
            default:
                return connection.GetType().Name;
        }
    }

    private static async Task UseWriteAheadLogAsync(DbConnection connection, string database, ILogger logger, CancellationToken cancellationToken)
    {
        // WAL lets grain reads proceed while a write commits. It must be set outside a transaction and then sticks to
        // the file, so every later connection (the Orleans providers open their own) gets it too.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        var mode = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            LogNoWriteAheadLog(logger, database, mode ?? "unknown");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<string>> ReadQueryKeysAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey;";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
