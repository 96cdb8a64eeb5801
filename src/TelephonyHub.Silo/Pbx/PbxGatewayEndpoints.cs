using TelephonyHub.Silo.Telemetry;

namespace TelephonyHub.Silo.Pbx;

/// <summary>Registers and maps the PBX gRPC gateway, with standard health checking and reflection.</summary>
public static class PbxGatewayEndpoints
{
    public static IServiceCollection AddPbxGateway(this IServiceCollection services)
    {
        services.AddGrpc();
        services.AddGrpcHealthChecks();
        services.AddGrpcReflection();
        services.AddSingleton<HubMetrics>();
        services.AddSingleton<PbxAuthenticator>();
        services.AddSingleton<PbxEventRouter>();
        services.AddSingleton<PbxStreamSessionFactory>();
        return services;
    }

    public static IEndpointRouteBuilder MapPbxGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<PbxGatewayService>();
        endpoints.MapGrpcHealthChecksService();
        endpoints.MapGrpcReflectionService();
        return endpoints;
    }
}
