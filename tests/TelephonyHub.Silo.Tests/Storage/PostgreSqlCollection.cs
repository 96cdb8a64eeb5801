using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>The tests that share the run's throwaway PostgreSQL server (they run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlFixture>
{
    /// <summary>The collection name for <c>[Collection(...)]</c>.</summary>
    public const string Name = "PostgreSQL";
}
