namespace TelephonyHub.Grains.Dispatch;

/// <summary>
/// The portal's leaky bucket (reference §2.1) as learned once from <c>app.info</c>: Enterprise plans get 250 at 5/s,
/// every other plan 50 at 2/s.
/// </summary>
[GenerateSerializer, Immutable, Alias("dispatch-portal-bucket-v1")]
public sealed record PortalBucket
{
    /// <summary>Requests accepted in a burst (X).</summary>
    [Id(0)] public required int Capacity { get; init; }

    /// <summary>Requests per second the bucket drains (Y).</summary>
    [Id(1)] public required double DrainPerSecond { get; init; }

    /// <summary><c>LICENSE_FAMILY</c> as <c>app.info</c> reported it; null when the portal would not say.</summary>
    [Id(2)] public string? LicenseFamily { get; init; }

    [Id(3)] public required DateTimeOffset LearnedAt { get; init; }
}
