using System.Data.Common;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>Looks into a test database directly, to assert what Orleans really stored.</summary>
internal static class Sql
{
    public static Task<DbConnection> OpenAsync(DatabaseProvider provider, string connectionString) =>
        DatabaseConnections.OpenAsync(provider, connectionString, CancellationToken.None);

    public static async Task<List<object?[]>> RowsAsync(
        DatabaseProvider provider, string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(provider, connectionString);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add(row.Select(value => value is DBNull ? null : value).ToArray());
        }

        return rows;
    }

    public static async Task<int> ExecuteAsync(
        DatabaseProvider provider, string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(provider, connectionString);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<Dictionary<string, string>> QueriesAsync(DatabaseProvider provider, string connectionString) =>
        (await RowsAsync(provider, connectionString, "SELECT QueryKey, QueryText FROM OrleansQuery"))
            .ToDictionary(row => (string)row[0]!, row => (string)row[1]!);

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters) =>
        DatabaseConnections.Command(connection, sql, parameters);
}
