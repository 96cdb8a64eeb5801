using Npgsql;
using NpgsqlTypes;

namespace TelephonyHub.Silo.Storage.GrainState;

/// <summary>
/// The statements of <see cref="PostgreSqlGrainStorage"/> on <c>OrleansStorage</c>: the same rows and the same
/// optimistic concurrency as the <c>ReadFromStorageKey</c>, <c>WriteToStorageKey</c> and <c>ClearStorageKey</c> queries
/// of <c>deploy/sql/postgresql/03-persistence.sql</c>, written with positional parameters so that Npgsql sends them
/// as they are (no SQL rewriting) and keeps them prepared. A write or clear answers the row's new version, or no row
/// when the row is not at the version the grain read.
/// </summary>
public static class GrainStateStatements
{
    private const string RowIs = """
        GrainIdHash = $1 AND GrainTypeHash = $2 AND ServiceId = $3
          AND GrainIdN0 = $4 AND GrainIdN1 = $5 AND GrainTypeString = $6 AND GrainIdExtensionString = $7
        """;

    /// <summary>Reads the payload (null once cleared) and version; no row when the grain never wrote.</summary>
    public const string Read = $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE {RowIs}";

    /// <summary>A grain's first write: creates the row at version 1, or answers nothing when another writer did.</summary>
    public const string Insert = """
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString,
             PayloadBinary, ModifiedOn, Version)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING Version
        """;

    /// <summary>A later write: replaces the payload if the row is still at version <c>$8</c>.</summary>
    public const string Update = $"""
        UPDATE OrleansStorage SET PayloadBinary = $9, ModifiedOn = now(), Version = Version + 1
        WHERE {RowIs} AND Version = $8
        RETURNING Version
        """;

    /// <summary>Clears the payload, keeping the row and moving its version on, if it is still at version <c>$8</c>.</summary>
    public const string Clear = $"""
        UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
        WHERE {RowIs} AND Version = $8
        RETURNING Version
        """;

    /// <summary>A statement with the row's identity as its first seven parameters.</summary>
    public static NpgsqlBatchCommand ForRow(string sql, string serviceId, StoredGrainKey key)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key.IdHash });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = key.TypeHash });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = serviceId, NpgsqlDbType = NpgsqlDbType.Varchar });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.IdN0 });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key.IdN1 });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.StateName, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key.Extension, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    /// <summary>Adds the version the grain read (<c>$8</c>).</summary>
    public static NpgsqlBatchCommand WithVersion(this NpgsqlBatchCommand command, int version)
    {
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
        return command;
    }

    /// <summary>Adds the serialized state (the next positional parameter).</summary>
    public static NpgsqlBatchCommand WithPayload(this NpgsqlBatchCommand command, ReadOnlyMemory<byte> payload)
    {
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = payload, NpgsqlDbType = NpgsqlDbType.Bytea });
        return command;
    }
}
