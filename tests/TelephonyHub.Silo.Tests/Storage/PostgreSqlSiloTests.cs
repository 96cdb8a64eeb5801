using TelephonyHub.Grains;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Storage;
using TelephonyHub.Silo.Storage;
using TelephonyHub.Testing.PostgreSql;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>A silo wired by <c>UseTelephonyHubStorage</c> on PostgreSQL, each test on a database of its own.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSiloTests(PostgreSqlFixture postgres)
{
    private const DatabaseProvider PostgreSql = DatabaseProvider.PostgreSql;
    private static readonly TimeSpan ReminderTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan SessionsClosedTimeout = TimeSpan.FromSeconds(10);

    private readonly string clusterId = $"cluster-{Guid.NewGuid():N}";
    private readonly string serviceId = $"service-{Guid.NewGuid():N}";

    [Fact]
    public async Task Silo_OnAnEmptyDatabase_AppliesTheSchemaFirstAndJoinsAsActive()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("silo_join");

        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId, "silo-1");

        var member = Assert.Single(await Sql.RowsAsync(PostgreSql, database,
            "SELECT SiloName, Status, Address, Port, Generation FROM OrleansMembershipTable WHERE DeploymentId = @cluster",
            ("cluster", clusterId)));
        Assert.Equal(
            ["silo-1", (int)SiloStatus.Active, silo.Address.Endpoint.Address.ToString(), silo.Address.Endpoint.Port, silo.Address.Generation],
            member);
    }

    [Fact]
    public async Task Silo_WithSchemaOnStartOff_LeavesTheSchemaToTheMigrationStep()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("silo_no_schema");
        var configuration = StorageTestSilo.PostgreSql(database);
        configuration["Storage:ApplySchemaOnStart"] = "false";

        var failure = await Assert.ThrowsAsync<PostgresException>(() => StorageTestSilo.StartAsync(configuration, clusterId, serviceId));

        Assert.Contains("relation \"orleansquery\" does not exist", failure.Message);

        Assert.Empty(await Sql.RowsAsync(PostgreSql, database,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [Fact]
    public async Task GrainState_IsReadBackByANewActivation_AndCleared()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("silo_state");
        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId);
        var grain = silo.Grains.GetGrain<IStorageProbeGrain>("portal-42");

        await grain.WriteAsync("tokens stored");
        var writer = await grain.ReadAsync();
        await grain.DeactivateAsync();
        var reader = await grain.ReadAsync();

        Assert.NotEqual(writer.ActivationId, reader.ActivationId);
        Assert.Equal(new ProbeState { Note = "tokens stored", Writes = 1 }, reader.State);
        Assert.Equal([1, "stored", "portal-42"], Assert.Single(await StoredRowsAsync(database)));

        await grain.ClearAsync();
        await grain.DeactivateAsync();

        Assert.Equal(new ProbeState(), (await grain.ReadAsync()).State);
        Assert.Equal([2, "cleared", "portal-42"], Assert.Single(await StoredRowsAsync(database)));
    }

    [Fact]
    public async Task ConcurrentWriters_WithTheSameVersion_OnlyTheFirstWins()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("silo_conflict");
        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId);

        await GrainStorageScenarios.SecondWriterWithTheSameVersionIsRejectedAsync(
            silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default), "portal-7");
    }

    [Fact]
    public async Task Reminder_IsStoredFiresIsReadBackAndUnregisters()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("silo_reminder");
        await using var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId);
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("call-7");

        await grain.RegisterAsync(dueTime: TimeSpan.FromMilliseconds(100), period: TimeSpan.FromSeconds(1));

        Assert.Equal([ReminderProbeGrain.ReminderName, 1000L], Assert.Single(await ReminderRowsAsync(database)));
        Assert.Equal(ReminderProbeGrain.ReminderName, await silo.Ticks.WaitForFirstTickAsync("call-7", ReminderTimeout));
        Assert.True(await grain.IsRegisteredAsync());

        await grain.UnregisterAsync();

        Assert.False(await grain.IsRegisteredAsync());
        Assert.Empty(await ReminderRowsAsync(database));
    }

    [Fact]
    public async Task StoppedSilo_LeavesNoSessionsOnTheServer()
    {
        var database = await postgres.CreateEmptyDatabaseAsync("silo_sessions");
        var silo = await StorageTestSilo.StartAsync(StorageTestSilo.PostgreSql(database), clusterId, serviceId);
        await silo.Grains.GetGrain<IStorageProbeGrain>("portal-1").WriteAsync("tokens stored");
        await silo.Grains.GetGrain<IReminderProbeGrain>("call-1").RegisterAsync(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        Assert.NotEmpty(await SiloSessionsAsync(database));

        await silo.DisposeAsync();

        // The server ends a session a moment after its client says goodbye.
        using var timeout = new CancellationTokenSource(SessionsClosedTimeout);
        List<object?[]> left;
        while ((left = await SiloSessionsAsync(database)).Count > 0 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }

        Assert.Empty(left);
    }

    /// <summary>The sessions on <paramref name="database"/> other than the one asking.</summary>
    private static Task<List<object?[]>> SiloSessionsAsync(string database) =>
        Sql.RowsAsync(PostgreSql, database,
            "SELECT pid, state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");

    private Task<List<object?[]>> StoredRowsAsync(string database) =>
        Sql.RowsAsync(PostgreSql, database,
            "SELECT Version, CASE WHEN PayloadBinary IS NULL THEN 'cleared' ELSE 'stored' END, GrainIdExtensionString " +
            "FROM OrleansStorage WHERE ServiceId = @service",
            ("service", serviceId));

    private Task<List<object?[]>> ReminderRowsAsync(string database) =>
        Sql.RowsAsync(PostgreSql, database,
            "SELECT ReminderName, Period FROM OrleansRemindersTable WHERE ServiceId = @service", ("service", serviceId));
}
