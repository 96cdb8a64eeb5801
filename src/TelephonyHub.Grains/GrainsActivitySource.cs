using System.Diagnostics;

namespace TelephonyHub.Grains;

/// <summary>The grains' traces: the Bitrix24 sends of the dispatch, each continuing the trace that asked for it.</summary>
public static class GrainsActivitySource
{
    public const string Name = "TelephonyHub.Grains";

    public static ActivitySource Instance { get; } = new(Name);
}
