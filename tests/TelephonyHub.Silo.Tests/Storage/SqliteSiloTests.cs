using TelephonyHub.Grains;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Tests.Storage;

/// <summary>The zero-configuration silo: localhost clustering, grain state and reminders in a SQLite file.</summary>
public sealed class SqliteSiloTests : IDisposable
{
    private const DatabaseProvider Sqlite = DatabaseProvider.Sqlite;
    private static readonly TimeSpan ReminderTimeout = TimeSpan.FromSeconds(20);

    private readonly DirectoryInfo dataDirectory = Directory.CreateTempSubdirectory("telephonyhub-sqlite-");
    private readonly string serviceId = $"service-{Guid.NewGuid():N}";

    private string DatabaseFile => Path.Combine(dataDirectory.FullName, StorageOptions.SqliteFileName);

    private string Database => new SqliteConnectionStringBuilder { DataSource = DatabaseFile }.ToString();

    [Fact]
    public async Task GrainState_SurvivesASiloRestart_AndIsCleared()
    {
        await using (var silo = await StartSiloAsync())
        {
            await silo.Grains.GetGrain<IStorageProbeGrain>("portal-42").WriteAsync("tokens stored");
        }

        Assert.True(File.Exists(DatabaseFile), $"expected the grain state in {DatabaseFile}");
        await using (var restarted = await StartSiloAsync())
        {
            var grain = restarted.Grains.GetGrain<IStorageProbeGrain>("portal-42");
            Assert.Equal(new ProbeState { Note = "tokens stored", Writes = 1 }, (await grain.ReadAsync()).State);

            await grain.ClearAsync();
            await grain.DeactivateAsync();

            Assert.Equal(new ProbeState(), (await grain.ReadAsync()).State);
        }

        Assert.Equal([2L, "cleared"], Assert.Single(await Sql.RowsAsync(Sqlite, Database,
            "SELECT Version, CASE WHEN PayloadBinary IS NULL THEN 'cleared' ELSE 'stored' END FROM OrleansStorage " +
            "WHERE ServiceId = @service", ("service", serviceId))));
    }

    [Fact]
    public async Task ConcurrentWriters_WithTheSameVersion_OnlyTheFirstWins()
    {
        await using var silo = await StartSiloAsync();

        await GrainStorageScenarios.SecondWriterWithTheSameVersionIsRejectedAsync(
            silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default), "portal-7");
    }

    [Fact]
    public async Task GrainsNamingNoStorage_UseTheTelephonyHubStorage()
    {
        await using var silo = await StartSiloAsync();
        var telephonyHub = silo.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default);

        Assert.Same(telephonyHub, silo.Services.GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME));
        Assert.Same(telephonyHub, silo.Services.GetRequiredService<IGrainStorage>());
    }

    [Fact]
    public async Task Reminder_IsStoredFiresIsReadBackAndUnregisters()
    {
        await using var silo = await StartSiloAsync();
        var grain = silo.Grains.GetGrain<IReminderProbeGrain>("call-7");

        await grain.RegisterAsync(dueTime: TimeSpan.FromMilliseconds(100), period: TimeSpan.FromSeconds(1));

        Assert.Equal([ReminderProbeGrain.ReminderName, 1000L], Assert.Single(await ReminderRowsAsync()));
        Assert.Equal(ReminderProbeGrain.ReminderName, await silo.Ticks.WaitForFirstTickAsync("call-7", ReminderTimeout));
        Assert.True(await grain.IsRegisteredAsync());

        await grain.UnregisterAsync();

        Assert.False(await grain.IsRegisteredAsync());
        Assert.Empty(await ReminderRowsAsync());
    }

    [Fact]
    public async Task ReminderTable_RingSlicesReturnExactlyTheirReminders()
    {
        await DatabaseSchemaInstaller.ApplyAsync(Sqlite, Database, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
        var (table, services) = await ReminderTables.CreateAsync(Sqlite, Database, serviceId);
        await using var _ = services;

        await ReminderTableScenarios.RingSlicesReturnExactlyTheirRemindersAsync(table);
        await ReminderTableScenarios.RemindersAreVersionedAndRemovableAsync(table);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools(); // pooled connections keep the file open
        dataDirectory.Delete(recursive: true);
    }

    private Task<StorageTestSilo> StartSiloAsync() =>
        StorageTestSilo.StartAsync(StorageTestSilo.Sqlite(dataDirectory.FullName), "dev", serviceId);

    private Task<List<object?[]>> ReminderRowsAsync() =>
        Sql.RowsAsync(Sqlite, Database,
            "SELECT ReminderName, Period FROM OrleansRemindersTable WHERE ServiceId = @service", ("service", serviceId));
}
