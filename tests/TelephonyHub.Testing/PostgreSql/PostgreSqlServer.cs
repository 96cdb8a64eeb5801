using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL server started from the installed binaries (no Docker): its own data folder under the temp
/// folder, listening on a free 127.0.0.1 port only, trust authentication for user <c>postgres</c>, durability off
/// (its data dies with it anyway). Hand out one database per test with <see cref="CreateDatabaseAsync"/>; disposing
/// stops the server and deletes everything.
/// </summary>
public sealed partial class PostgreSqlServer : IAsyncDisposable
{
    private static readonly TimeSpan ToolTimeout = TimeSpan.FromSeconds(60);

    private const int MaxConnections = 400;

    private readonly PostgreSqlBinaries binaries;
    private readonly string rootDirectory;
    private int disposed;

    private PostgreSqlServer(PostgreSqlBinaries binaries, string rootDirectory, int port)
    {
        this.binaries = binaries;
        this.rootDirectory = rootDirectory;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The folder of the tools the server runs from.</summary>
    public string BinaryDirectory => binaries.Directory;

    private string DataDirectory => Path.Combine(rootDirectory, "data");

    private string LogFile => Path.Combine(rootDirectory, "server.log");

    /// <summary>Initializes a fresh cluster and starts it; takes about a second.</summary>
    /// <exception cref="InvalidOperationException">The binaries are missing or the server did not start (with its log).</exception>
    public static async Task<PostgreSqlServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binaries = PostgreSqlBinaries.Locate();
        var root = Directory.CreateTempSubdirectory("telephonyhub-pg-").FullName;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ToolTimeout);
        var server = new PostgreSqlServer(binaries, root, FreeLoopbackPort());
        try
        {
            if (PostgreSqlTool.MustSwitchUser)
            {
                await PostgreSqlTool.RunAsync("chown", [$"{PostgreSqlTool.ServerAccount}:", root], root, timeout.Token);
            }

            await PostgreSqlTool.RunServerToolAsync(binaries.InitDb,
                ["-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
                root, timeout.Token);
            await PostgreSqlTool.RunServerToolAsync(binaries.PgCtl,
                ["-D", server.DataDirectory, "-l", server.LogFile, "-w", "-o", server.ServerOptions(), "start"],
                root, timeout.Token);
            return server;
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            var log = File.Exists(server.LogFile) ? await File.ReadAllTextAsync(server.LogFile, CancellationToken.None) : "(no server log)";
            await server.DisposeAsync();
            throw new InvalidOperationException(
                $"The test PostgreSQL server from {binaries.Directory} did not start on port {server.Port}: " +
                $"{exception.Message}{Environment.NewLine}Server log:{Environment.NewLine}{log}", exception);
        }
    }

    /// <summary>A database name that no other test uses: <c>{purpose}_{random}</c>.</summary>
    public static string UniqueDatabaseName(string purpose) =>
        $"{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(63, purpose.Length + 33)];

    /// <summary>The connection string of <paramref name="database"/> on this server (user <c>postgres</c>, no password).</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = IPAddress.Loopback.ToString(),
        Port = Port,
        Username = "postgres",
        Database = database,
        IncludeErrorDetail = true,
    }.ConnectionString;

    /// <summary>Creates a database with the hub's Orleans schema applied (through <see cref="DatabaseSchemaInstaller"/>).</summary>
    /// <param name="name">Lower-case letters, digits and underscores; see <see cref="UniqueDatabaseName"/>.</param>
    /// <param name="logger">Receives the installer's log; none when omitted.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The new database's connection string.</returns>
    public async Task<string> CreateDatabaseAsync(string name, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        var connectionString = await CreateEmptyDatabaseAsync(name, cancellationToken);
        await DatabaseSchemaInstaller.ApplyAsync(
            DatabaseProvider.PostgreSql, connectionString, logger ?? NullLogger.Instance, cancellationToken);
        return connectionString;
    }

    /// <summary>Creates a database without any schema (for tests of the schema step itself).</summary>
    /// <returns>The new database's connection string.</returns>
    public async Task<string> CreateEmptyDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a plain lower-case database name (a-z, 0-9, _; at most 63).", nameof(name));
        }

        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE {name};"; // checked above: a plain identifier, nothing to quote
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Stops the server (fast shutdown: open sessions are cut) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        // Pooled connections would otherwise outlive the server and fail the next test that draws them.
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                using var timeout = new CancellationTokenSource(ToolTimeout);
                await PostgreSqlTool.RunServerToolAsync(binaries.PgCtl,
                    ["-D", DataDirectory, "-m", "fast", "-w", "stop"], rootDirectory, timeout.Token);
            }
        }
        finally
        {
            Directory.Delete(rootDirectory, recursive: true);
        }
    }

    private string ServerOptions() =>
        // -k keeps the Unix socket in our folder instead of /var/run/postgresql; durability is pointless for test data.
        // A test run opens a pool per test database (the silos' and the tests' own), and a killed silo's sessions live
        // on until Npgsql prunes them: the default of 100 connections is too tight for a whole run.
        $"-c listen_addresses={IPAddress.Loopback} -p {Port} -k {rootDirectory} " +
        $"-c max_connections={MaxConnections} -c fsync=off -c synchronous_commit=off -c full_page_writes=off";

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
