using System.Collections.Immutable;
using TelephonyHub.Abstractions.Presence;
using TelephonyHub.Abstractions.Queues;
using TelephonyHub.Grains.Presence;

namespace TelephonyHub.Grains.Tests.Presence;

public sealed class OperatorBoardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly QueueMember Anna = new(12, "101");
    private static readonly QueueMember Boris = new(14, "102");
    private static readonly QueueMember Clara = new(16, "103");

    [Fact]
    public void TwoCallsAskingForTheSameSequence_NeverGetTheSameOperator()
    {
        var sequence = Sequential(Anna, Boris);

        var (afterFirst, first) = OperatorBoard.Offer(new PresenceState(), Offer("p/call-a", sequence), Now);
        var (afterSecond, second) = OperatorBoard.Offer(afterFirst, Offer("p/call-b", sequence), Now);
        var (_, third) = OperatorBoard.Offer(afterSecond, Offer("p/call-c", sequence), Now);

        Assert.Equal((0, Anna), (first.Group, Assert.Single(first.Members)));
        Assert.Equal((1, Boris), (second.Group, Assert.Single(second.Members)));
        Assert.Equal(OfferOutcome.NobodyFree, third);
    }

    [Theory]
    [InlineData(ExtensionState.Busy)]
    [InlineData(ExtensionState.DoNotDisturb)]
    [InlineData(ExtensionState.Offline)]
    public void ExtensionsThePbxReportsUnavailable_AreSkipped(ExtensionState reported)
    {
        var presence = Reported(new PresenceState(), Boris, reported);

        var (_, outcome) = OperatorBoard.Offer(presence, Offer("p/call", [new OfferGroup([Anna, Boris, Clara])]), Now);

        Assert.Equal([Anna, Clara], outcome.Members.ToArray());
    }

    [Fact]
    public void AnExtensionReportedIdleAgain_IsFree()
    {
        var presence = Reported(Reported(new PresenceState(), Anna, ExtensionState.Busy), Anna, ExtensionState.Idle);

        var (_, outcome) = OperatorBoard.Offer(presence, Offer("p/call", Sequential(Anna)), Now);

        Assert.Equal([Anna], outcome.Members.ToArray());
    }

    [Fact]
    public void ANewOffer_ReplacesWhatTheCallHeld_AndCanOfferTheSameOperatorAgain()
    {
        var (held, _) = OperatorBoard.Offer(new PresenceState(), Offer("p/call", Sequential(Anna)), Now);

        var (again, sameAgain) = OperatorBoard.Offer(held, Offer("p/call", Sequential(Anna)), Now);
        var (moved, next) = OperatorBoard.Offer(again, Offer("p/call", Sequential(Boris)), Now);

        Assert.Equal([Anna], sameAgain.Members.ToArray());
        Assert.Equal([Boris], next.Members.ToArray());
        Assert.Equal(new Dictionary<long, string> { [Boris.UserId] = "p/call" }, OperatorBoard.Held(moved, Now));
    }

    [Fact]
    public void NobodyFree_ReleasesWhatTheCallHeld()
    {
        var (held, _) = OperatorBoard.Offer(new PresenceState(), Offer("p/call", Sequential(Anna)), Now);

        var (after, outcome) = OperatorBoard.Offer(held, Offer("p/call", []), Now);

        Assert.Equal(-1, outcome.Group);
        Assert.Empty(OperatorBoard.Held(after, Now));
    }

    [Fact]
    public void ATalkingOperator_IsBusyForOtherCalls_UntilTheCallReleasesThem()
    {
        var talking = OperatorBoard.Engage(new PresenceState(), "p/answered", Anna.UserId, Now);

        var (_, whileTalking) = OperatorBoard.Offer(talking, Offer("p/queued", Sequential(Anna, Boris)), Now);
        var (_, afterwards) = OperatorBoard.Offer(OperatorBoard.Release(talking, "p/answered"), Offer("p/queued", Sequential(Anna, Boris)), Now);

        Assert.Equal([Boris], whileTalking.Members.ToArray());
        Assert.Equal([Anna], afterwards.Members.ToArray());
    }

    [Fact]
    public void AReservationOfACallThatNeverCameBack_ExpiresAfterTheGrace()
    {
        var (held, _) = OperatorBoard.Offer(new PresenceState(), Offer("p/dead", Sequential(Anna)), Now);
        var later = Now.AddSeconds(5) + OperatorBoard.OfferGrace;

        var (_, outcome) = OperatorBoard.Offer(held, new OperatorOffer("p/other", Sequential(Anna), later.AddSeconds(5)), later);

        Assert.Equal([Anna], outcome.Members.ToArray());
    }

    [Fact]
    public void OfferedAt_NamesTheCallsOfferedToTheExtension_NotTalkingOnes()
    {
        var (offered, _) = OperatorBoard.Offer(new PresenceState(), Offer("p/queued", [new OfferGroup([Anna, Boris])]), Now);
        var presence = OperatorBoard.Engage(offered, "p/answered", Clara.UserId, Now);

        Assert.Equal([("p/queued", Boris.UserId)], OperatorBoard.OfferedAt(presence, "102", Now).ToArray());
        Assert.Empty(OperatorBoard.OfferedAt(presence, "103", Now));
    }

    private static ImmutableArray<OfferGroup> Sequential(params QueueMember[] members) => [.. members.Select(m => new OfferGroup([m]))];

    private static OperatorOffer Offer(string callKey, ImmutableArray<OfferGroup> groups) => new(callKey, groups, Now.AddSeconds(5));

    private static PresenceState Reported(PresenceState state, QueueMember member, ExtensionState reported) => state with
    {
        Extensions = state.Extensions.SetItem(member.Extension, new ExtensionPresence(reported, Now, Guid.NewGuid().ToString("N"))),
    };
}
