using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TelephonyHub.Grains;
using TelephonyHub.Grains.Calls;
using TelephonyHub.Grains.Dispatch;
using TelephonyHub.Grains.Recordings;
using TelephonyHub.Silo.Storage;

namespace TelephonyHub.Silo.Telemetry;

/// <summary>
/// OpenTelemetry: one trace from a PBX event through the grains (Orleans activity propagation) to the Bitrix24 HTTP
/// requests it caused; metrics for events in, requests out and the runtime. Exported over OTLP only when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or <c>Telemetry:OtlpEndpoint</c>) is set: nothing noisy by default.
/// </summary>
public static class HubTelemetryExtensions
{
    /// <summary>The meters exported: every meter of the hub's own, and Orleans'.</summary>
    public static IReadOnlyList<string> ExportedMeters { get; } =
    [
        HubMetrics.MeterName,
        DispatchMetrics.MeterName,
        CallMetrics.MeterName,
        RecordingMetrics.MeterName,
        StorageMetrics.MeterName,
        "Microsoft.Orleans",
    ];

    public static IServiceCollection AddHubTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlpEndpoint = configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (otlpEndpoint is null)
        {
            // Nothing would receive them: a listening tracer makes every grain call, gRPC event and HTTP request build
            // and tag an activity, and a meter provider aggregates every measurement, for nobody. Under load that was a
            // measurable share of the silo's CPU per call (issue 10). The instruments stay: in-process listeners (tests,
            // dotnet-counters) still see them.
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("telephonyhub"))
            .WithTracing(tracing => tracing
                .AddSource(HubActivitySource.Name, GrainsActivitySource.Name, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp => otlp.Endpoint = new Uri(otlpEndpoint)))
            .WithMetrics(metrics => metrics
                .AddMeter([.. ExportedMeters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter(otlp => otlp.Endpoint = new Uri(otlpEndpoint)));
        return services;
    }
}
