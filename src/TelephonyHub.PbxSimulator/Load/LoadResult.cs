namespace TelephonyHub.PbxSimulator.Load;

/// <summary>How a load run went.</summary>
public sealed record LoadResult
{
    /// <summary>The figures when arrivals stopped.</summary>
    public required LoadSnapshot AtDuration { get; init; }

    /// <summary>The figures after the calls in progress played out.</summary>
    public required LoadSnapshot Final { get; init; }

    public required int PortalsConnected { get; init; }

    public required int PortalsFailed { get; init; }

    /// <summary>Hub commands the PBX acknowledged (ring, transfer, originate, hang up).</summary>
    public required long CommandsAnswered { get; init; }

    /// <summary>Click-to-call calls the hub asked for and the PBX played to their end.</summary>
    public required long OriginatesPlayed { get; init; }

    public required LoadOptions Options { get; init; }
}
