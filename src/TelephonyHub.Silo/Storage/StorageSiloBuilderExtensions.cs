using TelephonyHub.Grains;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using Npgsql;
using TelephonyHub.Silo.Storage.GrainState;

namespace TelephonyHub.Silo.Storage;

/// <summary>Wires the silo's cluster membership, grain storage and reminders to the configured database.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>
    /// Configures storage from the <c>Storage</c> section (<see cref="StorageOptions"/>):
    /// <list type="bullet">
    /// <item>with a PostgreSQL connection string: ADO.NET clustering and reminders, and the hub's batched grain storage
    /// (<see cref="PostgreSqlGrainStorage"/>) on PostgreSQL;</item>
    /// <item>without one: localhost clustering, and grain storage and reminders in the SQLite file
    /// <c>{DataDirectory}/telephonyhub.db</c>.</item>
    /// </list>
    /// The grain storage is named <see cref="StorageNames.Default"/> and is Orleans' default storage too; old per-call
    /// state is deleted by <see cref="PerCallStateSweep"/>. Unless
    /// <see cref="StorageOptions.ApplySchemaOnStart"/> is off, the schema scripts are applied before Orleans uses the
    /// database. The options are read and validated here, because they decide which providers to register.
    /// </summary>
    /// <exception cref="OptionsValidationException">The <c>Storage</c> section is inconsistent.</exception>
    public static ISiloBuilder UseTelephonyHubStorage(this ISiloBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = StorageOptions.FromConfiguration(configuration);

        builder.Services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        if (options.ApplySchemaOnStart)
        {
            builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new SchemaOnSiloStart(options, services.GetRequiredService<ILoggerFactory>()));
        }

        builder.Services.AddSingleton<StorageMetrics>();
        builder.Services.AddSingleton<PerCallStateSweep>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PerCallStateSweep>());

        var connectionString = options.GetConnectionString();
        switch (options.EffectiveProvider)
        {
            case DatabaseProvider.PostgreSql:
                builder.UseAdoNetClustering(clustering =>
                {
                    clustering.Invariant = AdoNetInvariant.PostgreSql;
                    clustering.ConnectionString = connectionString;
                });
                AddBatchedPostgreSqlGrainStorage(builder, options, connectionString);
                AddReminders(builder, AdoNetInvariant.PostgreSql, connectionString);
                builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new PostgreSqlPoolOnSiloStop(connectionString));
                break;
            case DatabaseProvider.Sqlite:
                // There is no SQLite membership provider, and one embedded file means one silo anyway. The ports
                // come from Orleans:Endpoints so that several embedded hubs (tests) can share a machine.
                builder.UseLocalhostClustering(
                    configuration.GetValue("Orleans:Endpoints:SiloPort", 11111),
                    configuration.GetValue("Orleans:Endpoints:GatewayPort", 30000));
                AddAdoNetGrainStorage(builder, AdoNetInvariant.Sqlite, connectionString);
                AddReminders(builder, AdoNetInvariant.Sqlite, connectionString);
                break;
        }

        return builder;
    }

    /// <summary>
    /// PostgreSQL: the hub's own grain storage (<see cref="PostgreSqlGrainStorage"/>) on Orleans' table and contract,
    /// sending the statements of many grains in one round trip and one commit.
    /// </summary>
    private static void AddBatchedPostgreSqlGrainStorage(ISiloBuilder builder, StorageOptions options, string connectionString)
    {
        builder.Services.AddSingleton(services => new RoundTripBatcher(
            NpgsqlDataSource.Create(connectionString),
            options.GrainStateBatchSize,
            options.GrainStateRoundTrips,
            services.GetRequiredService<ILogger<RoundTripBatcher>>()));
        builder.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.Default, (services, _) => new PostgreSqlGrainStorage(
            services.GetRequiredService<RoundTripBatcher>(),
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            services.GetRequiredService<Serializer>(),
            services.GetRequiredService<IActivatorProvider>()));
        AddDefaultStorageName(builder);
    }

    /// <summary>SQLite (the embedded default): Orleans' ADO.NET grain storage.</summary>
    private static void AddAdoNetGrainStorage(ISiloBuilder builder, string invariant, string connectionString)
    {
        builder.AddAdoNetGrainStorage(StorageNames.Default, storage => storage.Configure<Serializer>((options, serializer) =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
            options.GrainStorageSerializer = StateSerializer(serializer);
        }));
        AddDefaultStorageName(builder);
    }

    /// <summary>
    /// Orleans' own binary serializer instead of the default JSON one: JSON stores assembly-qualified $type names, so
    /// renaming or moving a state type would make stored state unreadable (reference orleans-10.md). This serializer
    /// writes [Alias] names and [Id] field numbers: state types can be renamed and moved, and fields added, as long as
    /// aliases and ids stay put (style.md, "never renumber").
    /// </summary>
    private static OrleansGrainStorageSerializer StateSerializer(Serializer serializer) => new(serializer);

    /// <summary>One storage, two names: grains that name no storage get the same instance.</summary>
    private static void AddDefaultStorageName(ISiloBuilder builder)
    {
        builder.Services.AddKeyedSingleton<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME,
            (services, _) => services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));
        builder.Services.TryAddSingleton<IGrainStorage>(services =>
            services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Default));
    }

    private static void AddReminders(ISiloBuilder builder, string invariant, string connectionString)
    {
        builder.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = invariant;
            reminders.ConnectionString = connectionString;
        });
    }
}
