using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TelephonyHub.Silo.Hosting;

/// <summary>Healthy while this silo is an active member of the cluster (what load balancers and k8s probes ask).</summary>
public sealed class SiloHealthCheck(ISiloStatusOracle silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(silo.CurrentStatus == SiloStatus.Active
            ? HealthCheckResult.Healthy("The silo is active in the cluster.")
            : HealthCheckResult.Unhealthy($"The silo is {silo.CurrentStatus}."));
}
