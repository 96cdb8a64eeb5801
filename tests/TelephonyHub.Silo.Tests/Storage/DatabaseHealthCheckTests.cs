using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TelephonyHub.Silo.Hosting;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>Readiness asks the database: a silo whose PostgreSQL is gone says so instead of "Healthy".</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class DatabaseHealthCheckTests(PostgreSqlFixture postgres)
{
    [Fact]
    public async Task AnsweringPostgreSql_IsHealthy()
    {
        var database = await postgres.CreateDatabaseAsync("health");

        var result = await Check(database);

        Assert.Equal((HealthStatus.Healthy, "The PostgreSql database answers."), (result.Status, result.Description));
    }

    [Fact]
    public async Task PostgreSqlThatDoesNotListen_IsUnhealthy_WithoutShowingThePassword()
    {
        var result = await Check("Host=127.0.0.1;Port=1;Database=hub;Username=hub;Password=secret-password;Timeout=2");

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.StartsWith("The PostgreSql database does not answer:", result.Description);
        Assert.DoesNotContain("secret-password", result.Description);
    }

    private static Task<HealthCheckResult> Check(string connectionString) =>
        new DatabaseHealthCheck(Options.Create(new StorageOptions { ConnectionString = connectionString }))
            .CheckHealthAsync(new HealthCheckContext());
}
