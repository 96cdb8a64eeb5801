using TelephonyHub.Abstractions.Dispatch;

namespace TelephonyHub.Grains.ClickToCall;

/// <summary>
/// A click's outbox split by where each effect goes: Bitrix24 requests to the portal's dispatch, on the click's lane
/// (<see cref="ClickRequests"/>), and the originate commands to the PBX link.
/// </summary>
public sealed record ClickOutboxParts(ImmutableArray<DispatchRequest> Requests, ImmutableArray<OriginateEffect> Originates)
{
    public static ClickOutboxParts Of(string clickKey, ImmutableArray<ClickEffect> outbox, GrainId replyTo) => new(
        [.. outbox.Where(e => e is not OriginateEffect).Select(e => ClickRequests.For(clickKey, e, replyTo))],
        [.. outbox.OfType<OriginateEffect>()]);

    /// <summary>
    /// The originates still worth sending at <paramref name="now"/>. One past its time is not sent (after a restart,
    /// say): the click's deadline fails the click instead, so the user is not rung long after they clicked.
    /// </summary>
    public IEnumerable<OriginateEffect> OriginatesDueAt(DateTimeOffset now) => Originates.Where(o => o.ExpiresAt > now);
}
