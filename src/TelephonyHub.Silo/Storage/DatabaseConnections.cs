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

    /// <summary>An open connection; disposed again when opening fails.</summary>
    public static async Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        var connection = Create(provider, connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A command on <paramref name="connection"/> with <paramref name="parameters"/> bound by name.</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

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
