namespace TelephonyHub.Abstractions.Pbx;

/// <summary>A command on its way to the PBX, kept until the PBX acknowledges it or it expires.</summary>
[GenerateSerializer, Immutable, Alias("pbx-command-envelope-v1")]
public sealed record PbxCommandEnvelope
{
    /// <summary>Unique and deterministic per intent, so sending the same command twice is harmless.</summary>
    [Id(0)] public required string RequestId { get; init; }

    [Id(1)] public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>After this the command is obsolete (e.g. ringing for a call long over) and is dropped unsent.</summary>
    [Id(2)] public required DateTimeOffset ExpiresAt { get; init; }

    [Id(3)] public required PbxCommand Command { get; init; }

    /// <summary>The grain told of the acknowledgement (an <see cref="IPbxCommandAckReceiver"/>), if any.</summary>
    [Id(4)] public GrainId? ReplyTo { get; init; }

    /// <summary>
    /// False for commands that make no sense later (a click-to-call originate must not ring the user minutes after
    /// they clicked): such a command is not kept when no stream is open.
    /// </summary>
    [Id(5)] public bool WaitForStream { get; init; } = true;
}
