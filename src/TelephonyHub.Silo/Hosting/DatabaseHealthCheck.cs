using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Hosting;

/// <summary>
/// Healthy while the hub's database answers a trivial query within <see cref="Timeout"/>: without it no event can be
/// stored, so the silo should take no traffic (readiness), though there is no point restarting it (liveness).
/// </summary>
public sealed class DatabaseHealthCheck(IOptions<StorageOptions> storage) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = storage.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var connection = await DatabaseConnections.OpenAsync(options.EffectiveProvider, options.GetConnectionString(), timeout.Token);
            await using var command = DatabaseConnections.Command(connection, "SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy($"The {options.EffectiveProvider} database answers.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The connection string is never shown: it may hold a password.
            return HealthCheckResult.Unhealthy($"The {options.EffectiveProvider} database does not answer: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
