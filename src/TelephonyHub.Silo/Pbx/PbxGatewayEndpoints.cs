using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using TelephonyHub.Silo.Hosting;
using TelephonyHub.Silo.Telemetry;

namespace TelephonyHub.Silo.Pbx;

/// <summary>Registers and maps the PBX gRPC gateway, with standard health checking and reflection.</summary>
public static class PbxGatewayEndpoints
{
    public static IServiceCollection AddPbxGateway(this IServiceCollection services)
    {
        services.AddGrpc();
        // Health is answered from the checks themselves, not a cache refreshed every few seconds: a probe right
        // after start sees the silo's real state. Ready (the default service "", and /healthz): the silo is active
        // and its database answers, so traffic may come. Live ("live", /healthz/live): the silo alone, since a
        // restart does not bring a database back.
        services.AddGrpcHealthChecks(options =>
            {
                options.UseHealthChecksCache = false;
                options.Services.Map("", check => check.Tags.Contains(HealthTags.Ready));
                options.Services.Map(HealthTags.Live, check => check.Tags.Contains(HealthTags.Live));
            })
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Live, HealthTags.Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready]);
        services.AddGrpcReflection();
        services.AddOptions<PbxGatewayOptions>().BindConfiguration(PbxGatewayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, PbxConnectionKeepAlive>();
        services.AddSingleton<PbxEventAdmission>();
        services.AddSingleton<PbxGatewayLogs>();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton<PbxAuthenticator>();
        services.AddSingleton<PbxEventRouter>();
        services.AddSingleton<PbxStreamSessionFactory>();
        services.AddSingleton<RecordingUploadReceiver>();
        return services;
    }

    public static IEndpointRouteBuilder MapPbxGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PbxGatewayService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) });
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
