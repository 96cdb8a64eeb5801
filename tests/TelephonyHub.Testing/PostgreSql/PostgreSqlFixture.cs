using Xunit;

namespace TelephonyHub.Testing.PostgreSql;

/// <summary>
/// One throwaway <see cref="PostgreSqlServer"/> for a whole test run, as an xunit collection fixture. xunit only finds
/// collection definitions in the test assembly itself, so each test project declares its own:
/// <code>
/// [CollectionDefinition(Name)]
/// public sealed class PostgreSqlCollection : ICollectionFixture&lt;PostgreSqlFixture&gt; { public const string Name = "PostgreSQL"; }
/// </code>
/// and its test classes take the fixture with <c>[Collection(PostgreSqlCollection.Name)]</c>. Give every test its own
/// database (<see cref="CreateDatabaseAsync"/>) so tests never see each other's rows.
/// </summary>
public sealed class PostgreSqlFixture : IAsyncLifetime
{
    private PostgreSqlServer? server;

    /// <summary>The running server.</summary>
    public PostgreSqlServer Server =>
        server ?? throw new InvalidOperationException("The PostgreSQL fixture is not started: xunit calls InitializeAsync first.");

    /// <summary>A fresh database named after <paramref name="purpose"/>, with the hub's schema applied.</summary>
    /// <returns>Its connection string.</returns>
    public Task<string> CreateDatabaseAsync(string purpose) =>
        Server.CreateDatabaseAsync(PostgreSqlServer.UniqueDatabaseName(purpose));

    /// <summary>A fresh database named after <paramref name="purpose"/>, without any schema.</summary>
    /// <returns>Its connection string.</returns>
    public Task<string> CreateEmptyDatabaseAsync(string purpose) =>
        Server.CreateEmptyDatabaseAsync(PostgreSqlServer.UniqueDatabaseName(purpose));

    /// <inheritdoc />
    public async Task InitializeAsync() => server = await PostgreSqlServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
