using Microsoft.Extensions.Options;
using TelephonyHub.Grains.Pbx;
using TelephonyHub.Silo.Telemetry;

namespace TelephonyHub.Silo.Pbx;

/// <summary>Creates the session object for each accepted PBX stream.</summary>
public sealed class PbxStreamSessionFactory(
    IGrainFactory grains,
    PbxEventRouter router,
    TimeProvider time,
    IOptions<PbxLinkOptions> linkOptions,
    PbxEventAdmission admission,
    PbxGatewayLogs gatewayLogs,
    HubMetrics metrics,
    ILoggerFactory loggers)
{
    public PbxStreamSession Create(PbxCaller caller) =>
        new(caller, grains, router, time, linkOptions, admission, gatewayLogs, metrics, loggers.CreateLogger<PbxStreamSession>());
}
