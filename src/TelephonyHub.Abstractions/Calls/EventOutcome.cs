namespace TelephonyHub.Abstractions.Calls;

/// <summary>The answer to one PBX event: its verdict and, for an ignored or rejected event, why.</summary>
[GenerateSerializer, Immutable, Alias("event-outcome-v1")]
public sealed record EventOutcome
{
    [Id(0)] public required EventVerdict Verdict { get; init; }

    [Id(1)] public EventRejection? Rejection { get; init; }

    /// <summary>A sentence for the PBX's logs; never contains secrets or unmasked numbers.</summary>
    [Id(2)] public string? Message { get; init; }

    public static EventOutcome Applied { get; } = new() { Verdict = EventVerdict.Applied };

    public static EventOutcome Duplicate { get; } = new() { Verdict = EventVerdict.Duplicate };

    public static EventOutcome Ignored(string why) => new() { Verdict = EventVerdict.Ignored, Message = why };

    public static EventOutcome Rejected(EventRejection rejection, string why) =>
        new() { Verdict = EventVerdict.Rejected, Rejection = rejection, Message = why };
}
