namespace TelephonyHub.Bitrix24.Rest;

/// <summary>
/// The <c>time</c> block of a response (reference §1.3): how long the call took and, on cloud portals, how much of
/// the method's 10-minute execution budget is used (§2.2). The dispatch uses it to stop calling a method until
/// <see cref="OperatingResetAt"/> when <see cref="Operating"/> gets close to the limit.
/// </summary>
[GenerateSerializer, Immutable, Alias("b24-timing-v1")]
public sealed record Bitrix24Timing
{
    /// <summary><c>time.start</c>: when the portal started processing.</summary>
    [Id(0)] public DateTimeOffset? Start { get; init; }

    /// <summary><c>time.finish</c>: when the portal finished processing.</summary>
    [Id(1)] public DateTimeOffset? Finish { get; init; }

    /// <summary><c>time.duration</c>: finish − start.</summary>
    [Id(2)] public TimeSpan? Duration { get; init; }

    /// <summary><c>time.processing</c>: time spent inside the method.</summary>
    [Id(3)] public TimeSpan? Processing { get; init; }

    /// <summary><c>time.operating</c>: the method's accumulated execution time in the last 10 minutes (cloud only).</summary>
    [Id(4)] public TimeSpan? Operating { get; init; }

    /// <summary><c>time.operating_reset_at</c>: when the oldest minute bucket of that budget drops (cloud only).</summary>
    [Id(5)] public DateTimeOffset? OperatingResetAt { get; init; }
}
