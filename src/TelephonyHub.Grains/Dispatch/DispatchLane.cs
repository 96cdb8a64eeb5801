namespace TelephonyHub.Grains.Dispatch;

/// <summary>What the dispatch remembers about one call's lane.</summary>
[GenerateSerializer, Immutable, Alias("dispatch-lane-v1")]
public sealed record DispatchLane
{
    /// <summary>The <c>CALL_ID</c> the lane's register returned.</summary>
    [Id(0)] public string? Bitrix24CallId { get; init; }

    /// <summary>Some user may see the card: a register with card or a show went through.</summary>
    [Id(1)] public bool CardsShown { get; init; }

    [Id(2)] public required DateTimeOffset LastActivity { get; init; }

    /// <summary>The lane's register failed for good: its call-scoped requests can never be sent.</summary>
    [Id(3)] public string? FailedBecause { get; init; }

    /// <summary>Request ids seen on this lane (bounded): an outbox replay after a crash is sent once.</summary>
    [Id(4)] public ImmutableArray<string> SeenRequestIds { get; init; } = [];

    /// <summary>The lane's finish went through; the lane is kept only a little longer for stragglers.</summary>
    [Id(5)] public bool Finished { get; init; }
}
