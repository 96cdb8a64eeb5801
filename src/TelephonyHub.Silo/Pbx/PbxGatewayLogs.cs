using Microsoft.Extensions.Options;

namespace TelephonyHub.Silo.Pbx;

/// <summary>
/// The gateway's failure logs that can fire once per event under overload, each throttled to one line a second (with
/// the count of those left out) for the whole silo, however many PBX streams see the failure.
/// </summary>
public sealed partial class PbxGatewayLogs(TimeProvider time, IOptions<PbxGatewayOptions> options, ILogger<PbxGatewayLogs> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly LogThrottle _applyFailed = new(time, Interval);
    private readonly LogThrottle _overloaded = new(time, Interval);

    /// <summary>An event could not be applied (storage or a grain call failed); the PBX was told to resend it.</summary>
    public void ApplyFailed(string portalId, string eventId, Exception exception)
    {
        if (_applyFailed.ShouldLog(out var suppressed))
        {
            LogApplyFailed(logger, eventId, portalId, suppressed, exception);
        }
    }

    /// <summary>An event was refused at the door because the silo is full.</summary>
    public void Overloaded(int inFlight)
    {
        if (_overloaded.ShouldLog(out var suppressed))
        {
            LogOverloaded(logger, inFlight, options.Value.MaxEventsInFlight, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Event {EventId} of portal {PortalId} could not be applied; the PBX resends it ({Suppressed} more such failures since the last report)")]
    private static partial void LogApplyFailed(ILogger logger, string eventId, string portalId, int suppressed, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "PBX events refused with UNAVAILABLE: {InFlight} events in progress (new calls refused from {MaxEventsInFlight}, all events from twice that); {Suppressed} more refused since the last report")]
    private static partial void LogOverloaded(ILogger logger, int inFlight, int maxEventsInFlight, int suppressed);
}
