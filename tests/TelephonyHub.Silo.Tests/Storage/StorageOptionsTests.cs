using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void NoConfiguration_MeansSqliteUnderData_WithTheSchemaAppliedOnStart()
    {
        var options = StorageOptions.FromConfiguration(Configuration());

        Assert.Equal(DatabaseProvider.Sqlite, options.EffectiveProvider);
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "telephonyhub.db")), options.SqliteDatabasePath);
        Assert.Contains(options.SqliteDatabasePath, options.GetConnectionString());
        Assert.True(options.ApplySchemaOnStart);
    }

    [Fact]
    public void AConnectionString_MeansPostgreSql()
    {
        var options = StorageOptions.FromConfiguration(Configuration(("Storage:ConnectionString", "Host=db;Database=hub;Username=hub")));

        Assert.Equal(DatabaseProvider.PostgreSql, options.EffectiveProvider);
        var effective = new Npgsql.NpgsqlConnectionStringBuilder(options.GetConnectionString());
        Assert.Equal(("db", "hub", "hub"), (effective.Host, effective.Database, effective.Username));
    }

    [Fact]
    public void PostgreSqlWithoutAConnectionString_IsRejected_NamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            StorageOptions.FromConfiguration(Configuration(("Storage:Provider", "postgresql"))));

        Assert.Contains("Storage:ConnectionString is required", error.Message);
    }

    [Theory]
    [InlineData("Storage:GrainStateBatchSize", "0", "Storage:GrainStateBatchSize must be between 1 and 1000.")]
    [InlineData("Storage:GrainStateBatchSize", "5000", "Storage:GrainStateBatchSize must be between 1 and 1000.")]
    [InlineData("Storage:GrainStateRoundTrips", "0", "Storage:GrainStateRoundTrips must be at least 1 and at most Storage:MaxConnections.")]
    [InlineData("Storage:GrainStateRoundTrips", "21", "Storage:GrainStateRoundTrips must be at least 1 and at most Storage:MaxConnections.")]
    public void GrainStateBatchingOutOfRange_IsRejected_NamingTheKey(string key, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            StorageOptions.FromConfiguration(Configuration(("Storage:ConnectionString", "Host=db;Database=hub"), (key, value))));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("Storage:CallStateRetention", "12:00:00", "Storage:CallStateRetention must be at least 1.00:00:00")]
    [InlineData("Storage:CallStateSweepPeriod", "00:00:00", "Storage:CallStateSweepPeriod must be more than zero and at most one day.")]
    [InlineData("Storage:CallStateSweepPeriod", "2.00:00:00", "Storage:CallStateSweepPeriod must be more than zero and at most one day.")]
    public void CallStateRetentionOutOfRange_IsRejected_OnEitherDatabase(string key, string value, string message)
    {
        var sqlite = Assert.Throws<OptionsValidationException>(() => StorageOptions.FromConfiguration(Configuration((key, value))));
        var postgreSql = Assert.Throws<OptionsValidationException>(() =>
            StorageOptions.FromConfiguration(Configuration(("Storage:ConnectionString", "Host=db;Database=hub"), (key, value))));

        Assert.Contains(message, sqlite.Message);
        Assert.Contains(message, postgreSql.Message);
    }

    [Fact]
    public void CallStateIsKeptSevenDays_SweptHourly_ByDefault()
    {
        var options = StorageOptions.FromConfiguration(Configuration());

        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromHours(1)), (options.CallStateRetention, options.CallStateSweepPeriod));
    }

    [Fact]
    public void AMalformedConnectionString_IsRejected_WithoutEchoingIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            StorageOptions.FromConfiguration(Configuration(("Storage:ConnectionString", "Host=db;Password=hunter2;Colour=blue"))));

        Assert.Contains("not a valid Npgsql connection string", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void SqliteWithAConnectionString_IsRejected_RatherThanIgnoringIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() => StorageOptions.FromConfiguration(Configuration(
            ("Storage:Provider", "Sqlite"), ("Storage:ConnectionString", "Host=db;Database=hub"))));

        Assert.Contains("only for PostgreSQL", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value)))
            .Build();
}
