using TelephonyHub.Grains;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TelephonyHub.Silo.Storage;

/// <summary>
/// Where the silo keeps cluster membership, grain state and reminders (configuration section <c>Storage</c>).
/// With no configuration at all the silo runs on an embedded SQLite file under <c>./data</c>; setting
/// <see cref="ConnectionString"/> switches to PostgreSQL.
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>The SQLite file name inside <see cref="DataDirectory"/>.</summary>
    public const string SqliteFileName = "telephonyhub.db";

    /// <summary>
    /// The database to use. Optional: when unset, <see cref="DatabaseProvider.PostgreSql"/> if
    /// <see cref="ConnectionString"/> is set, otherwise <see cref="DatabaseProvider.Sqlite"/>.
    /// </summary>
    public DatabaseProvider? Provider { get; set; }

    /// <summary>
    /// The Npgsql connection string of the PostgreSQL database (a secret: it comes from configuration only and is
    /// never logged). Only for PostgreSQL; SQLite's file is given by <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The folder of the SQLite file, relative to the process' working directory unless absolute. Default
    /// <c>./data</c>. Created when missing. Only for SQLite.
    /// </summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// Whether the silo applies the schema scripts (<c>sql/{provider}/*.sql</c>) before Orleans touches the database.
    /// Default <see langword="true"/>; the scripts are idempotent. Turn it off where the schema is applied by the
    /// <c>migrate-database</c> step with other database rights.
    /// </summary>
    public bool ApplySchemaOnStart { get; set; } = true;

    /// <summary>
    /// Most PostgreSQL connections this silo opens at once (Npgsql's pool), unless the connection string sets
    /// <c>Maximum Pool Size</c> itself. Default 20. Every grain write, read and reminder change holds a connection for
    /// one round trip; Npgsql's own default of 100 per silo exceeds PostgreSQL's default <c>max_connections</c> (100)
    /// on its own, so under load the server refuses connections ("53300: too many clients") and events fail. A small
    /// pool queues the work in the silo instead, where it waits its turn, and keeps the server's CPUs on queries rather
    /// than on switching between them. Keep silos × (this + <see cref="GrainStateRoundTrips"/>) below the server's <c>max_connections</c>.
    /// </summary>
    public int MaxConnections { get; set; } = 20;

    /// <summary>
    /// Most grain state statements (reads, writes, clears) sent to PostgreSQL in one round trip and one commit.
    /// Default 100. Statements that arrive while round trips are under way wait for the next one and leave together,
    /// so a busy silo pays one commit for many grains' writes; an idle one sends each at once.
    /// </summary>
    public int GrainStateBatchSize { get; set; } = 100;

    /// <summary>
    /// Grain state round trips under way at once, each on a connection of the grain storage's own pool (so a silo
    /// opens up to <see cref="MaxConnections"/> plus this many connections). Default 4; at most
    /// <see cref="MaxConnections"/>.
    /// </summary>
    public int GrainStateRoundTrips { get; set; } = 4;

    /// <summary>
    /// How long the stored state of a call, its click-to-call and its recording job (<see cref="PerCallStates"/>) is
    /// kept after its last change. Default 7 days, at least <see cref="MinimumCallStateRetention"/>. A call's state is
    /// read again only by its own late events (a recording that comes late, a PBX resending what it was not sure
    /// arrived) and by Bitrix24's answers to its requests, all of which come within hours; keep it longer than the
    /// longest Bitrix24 outage the hub should ride out. State whose grain still has a reminder (a wait or a retry
    /// under way) is kept however old. An event for a call whose state was deleted is refused like one for a call the
    /// hub never heard of (NOT_FOUND).
    /// </summary>
    public TimeSpan CallStateRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often each silo deletes per-call state past <see cref="CallStateRetention"/>. Default 1 hour.</summary>
    public TimeSpan CallStateSweepPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The shortest <see cref="CallStateRetention"/> accepted.</summary>
    public static readonly TimeSpan MinimumCallStateRetention = TimeSpan.FromDays(1);

    /// <summary>The database actually used: <see cref="Provider"/>, or the one implied by <see cref="ConnectionString"/>.</summary>
    public DatabaseProvider EffectiveProvider =>
        Provider ?? (string.IsNullOrWhiteSpace(ConnectionString) ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql);

    /// <summary>The full path of the SQLite file: <c>{DataDirectory}/telephonyhub.db</c>.</summary>
    public string SqliteDatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, SqliteFileName));

    /// <summary>The ADO.NET connection string for <see cref="EffectiveProvider"/>.</summary>
    public string GetConnectionString() => EffectiveProvider switch
    {
        DatabaseProvider.PostgreSql => PostgreSqlPool.Prepared(PostgreSqlPool.Bounded(
            ConnectionString ?? throw new InvalidOperationException("Storage:ConnectionString is required for PostgreSQL."), MaxConnections)),
        DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder
        {
            DataSource = SqliteDatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString(),
        var other => throw new InvalidOperationException($"Unknown storage provider {other}."),
    };

    /// <summary>
    /// Binds the <c>Storage</c> section of <paramref name="configuration"/> and validates it, for callers that need the
    /// values before a service provider exists (silo wiring, the <c>migrate-database</c> command).
    /// </summary>
    /// <exception cref="OptionsValidationException">The section is inconsistent (the message says what to fix).</exception>
    public static StorageOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<StorageOptions>() ?? new StorageOptions();
        options.EnsureValid();
        return options;
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> when the options are inconsistent.</summary>
    public void EnsureValid()
    {
        var result = new StorageOptionsValidator().Validate(Options.DefaultName, this);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(StorageOptions), result.Failures);
        }
    }
}
