using System.Diagnostics;

namespace TelephonyHub.Silo.Telemetry;

/// <summary>The host's traces: one span per PBX event or Bitrix24 event, parent of the grain calls it causes.</summary>
public static class HubActivitySource
{
    public const string Name = "TelephonyHub.Gateway";

    public static ActivitySource Instance { get; } = new(Name);
}
