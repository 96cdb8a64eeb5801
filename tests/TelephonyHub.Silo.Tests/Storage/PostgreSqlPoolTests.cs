using Npgsql;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>The silo's PostgreSQL pool stays below the server's connection limit and prepares its statements, unless the operator chose otherwise.</summary>
public sealed class PostgreSqlPoolTests
{
    [Fact]
    public void ConnectionStringWithoutPoolSize_GetsTheConfiguredMaximum()
    {
        var options = new StorageOptions { ConnectionString = "Host=db;Username=hub;Database=hub", MaxConnections = 12 };

        var effective = new NpgsqlConnectionStringBuilder(options.GetConnectionString());

        Assert.Equal(12, effective.MaxPoolSize);
        Assert.Equal("db", effective.Host);
        Assert.Equal("hub", effective.Database);
    }

    [Fact]
    public void DefaultPool_IsFarBelowPostgreSqlsDefaultConnectionLimit()
    {
        var options = new StorageOptions { ConnectionString = "Host=db;Username=hub;Database=hub" };

        Assert.Equal(20, new NpgsqlConnectionStringBuilder(options.GetConnectionString()).MaxPoolSize);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=7")]
    [InlineData("Host=db;MaxPoolSize=7")]
    public void PoolSizeInTheConnectionString_IsKept(string connectionString)
    {
        var options = new StorageOptions { ConnectionString = connectionString, MaxConnections = 50 };

        Assert.Equal(7, new NpgsqlConnectionStringBuilder(options.GetConnectionString()).MaxPoolSize);
    }

    [Fact]
    public void ConnectionStringWithoutAutoPrepare_PreparesOrleansStatements()
    {
        var options = new StorageOptions { ConnectionString = "Host=db;Username=hub;Database=hub" };

        var effective = new NpgsqlConnectionStringBuilder(options.GetConnectionString());

        Assert.Equal(PostgreSqlPool.AutoPreparedStatements, effective.MaxAutoPrepare);
        Assert.Equal(2, effective.AutoPrepareMinUsages);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;MaxAutoPrepare=0")]
    public void AutoPrepareInTheConnectionString_IsKept(string connectionString)
    {
        var options = new StorageOptions { ConnectionString = connectionString };

        Assert.Equal(0, new NpgsqlConnectionStringBuilder(options.GetConnectionString()).MaxAutoPrepare);
    }

    [Fact]
    public void MaxConnectionsBelowOne_IsRefusedWithTheSettingsName()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { ConnectionString = "Host=db", MaxConnections = 0 });

        Assert.True(result.Failed);
        Assert.Contains("Storage:MaxConnections", result.FailureMessage, StringComparison.Ordinal);
    }
}
