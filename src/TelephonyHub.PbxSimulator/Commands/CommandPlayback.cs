namespace TelephonyHub.PbxSimulator.Commands;

/// <summary>How the simulated PBX carries out the hub's commands for calls no scenario follows.</summary>
public sealed record CommandPlayback
{
    /// <summary>How long the user's phone rings before they pick up an originated call (click-to-call).</summary>
    public TimeSpan OriginateAnswerAfter { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the user talks on an originated call.</summary>
    public TimeSpan OriginateTalkTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Extensions that exist on this PBX; a command naming another one is rejected. Empty: all exist.</summary>
    public IReadOnlySet<string> Extensions { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
