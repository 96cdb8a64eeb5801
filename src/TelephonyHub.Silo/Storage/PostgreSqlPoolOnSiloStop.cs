using Npgsql;
using Orleans;
using Orleans.Runtime;

namespace TelephonyHub.Silo.Storage;

/// <summary>
/// Closes the silo's pooled PostgreSQL connections (membership, reminders, recordings, the sweeps) as the very last
/// step of its stop, after membership has written the silo's final status. The grain storage's own connections close
/// with its <see cref="GrainState.RoundTripBatcher"/> when the host is disposed. Npgsql keeps idle connections for five
/// minutes by default; a silo stopped inside a process that lives on (a host restarting its silo, a test run starting
/// many) would otherwise hold sessions that count against the server's <c>max_connections</c> long after it left the
/// cluster. Connections still in use when the pool is cleared are closed as they come back.
/// </summary>
internal sealed class PostgreSqlPoolOnSiloStop(string connectionString) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgreSqlPoolOnSiloStop), ServiceLifecycleStage.First, _ => Task.CompletedTask, CloseIdleConnections);

    private Task CloseIdleConnections(CancellationToken cancellationToken)
    {
        using var pooled = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(pooled);
        return Task.CompletedTask;
    }
}
