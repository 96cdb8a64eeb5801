using System.Collections.Immutable;
using TelephonyHub.Abstractions.Dispatch;
using TelephonyHub.Bitrix24.Telephony;
using TelephonyHub.Grains.Dispatch;

namespace TelephonyHub.Grains.Tests.Dispatch;

/// <summary>An outbox replayed after a crash is queued once, however the lane remembers the ids it has seen.</summary>
public sealed class DispatchEnqueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static DispatchRequest Show(string requestId) =>
        new() { RequestId = requestId, Lane = "portal-1/call-1", Request = new ShowExternalCall(null, [14]) };

    [Fact]
    public void ReplayedRequest_IsQueuedOnce_AndTheLaneKeepsOnlyTheIdsOwnPart()
    {
        var (state, first) = DispatchEnqueue.Add(new DispatchState(), [Show("portal-1/call-1#evt-1#0")], Now);
        (state, var replayed) = DispatchEnqueue.Add(state, [Show("portal-1/call-1#evt-1#0")], Now);

        Assert.Equal(1, first);
        Assert.Equal(0, replayed);
        Assert.Equal("#evt-1#0", Assert.Single(state.Lanes["portal-1/call-1"].SeenRequestIds));
    }

    [Fact]
    public void LaneStoredWithWholeIds_StillRecognizesAReplay()
    {
        var stored = new DispatchState
        {
            Lanes = ImmutableDictionary<string, DispatchLane>.Empty.Add("portal-1/call-1",
                new DispatchLane { LastActivity = Now, SeenRequestIds = ["portal-1/call-1#evt-1#0"] }),
        };

        var (state, added) = DispatchEnqueue.Add(stored, [Show("portal-1/call-1#evt-1#0")], Now);

        Assert.Equal(0, added);
        Assert.Empty(state.Queue);
    }

    [Fact]
    public void IdNotMadeFromTheLaneKey_IsRememberedWhole()
    {
        Assert.Equal("probe-7", DispatchEnqueue.SeenForm("portal-1/call-1", "probe-7"));
        Assert.Equal("portal-1/call-10#evt-1", DispatchEnqueue.SeenForm("portal-1/call-1", "portal-1/call-10#evt-1"));
    }
}
